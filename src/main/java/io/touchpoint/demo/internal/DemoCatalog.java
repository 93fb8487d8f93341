package io.touchpoint.demo.internal;

import java.util.List;

/** The demo shop's products and people's names. */
final class DemoCatalog {

    record Product(String id, String name, String category, long price) {}

    static final List<Product> PRODUCTS = List.of(
            new Product("SKN-001", "수분 진정 토너 200ml", "skincare", 18_000),
            new Product("SKN-002", "비타민C 세럼 30ml", "skincare", 32_000),
            new Product("SKN-003", "시카 수분 크림 50ml", "skincare", 27_000),
            new Product("SKN-004", "선크림 SPF50+ 50ml", "skincare", 19_500),
            new Product("SKN-005", "클렌징 오일 150ml", "skincare", 21_000),
            new Product("SKN-006", "시트 마스크 10매", "skincare", 12_000),
            new Product("FSH-001", "오버핏 코튼 셔츠", "fashion", 39_000),
            new Product("FSH-002", "와이드 데님 팬츠", "fashion", 49_000),
            new Product("FSH-003", "울 블렌드 니트", "fashion", 59_000),
            new Product("FSH-004", "경량 패딩 점퍼", "fashion", 89_000),
            new Product("FSH-005", "캔버스 스니커즈", "fashion", 45_000),
            new Product("FSH-006", "레더 토트백", "fashion", 79_000),
            new Product("KIT-001", "스테인리스 프라이팬 28cm", "kitchen", 42_000),
            new Product("KIT-002", "유리 밀폐용기 6종", "kitchen", 29_000),
            new Product("KIT-003", "핸드드립 커피 세트", "kitchen", 36_000),
            new Product("KIT-004", "무선 전기포트", "kitchen", 33_000),
            new Product("KIT-005", "실리콘 조리도구 5종", "kitchen", 17_000),
            new Product("FOD-001", "제주 감귤 3kg", "food", 24_000),
            new Product("FOD-002", "유기농 현미 4kg", "food", 21_000),
            new Product("FOD-003", "콜드브루 원액 1L", "food", 15_000),
            new Product("FOD-004", "견과류 하루한줌 30봉", "food", 26_000),
            new Product("FOD-005", "그릭 요거트 6개입", "food", 13_500),
            new Product("ELC-001", "무선 이어폰", "electronics", 129_000),
            new Product("ELC-002", "보조배터리 10000mAh", "electronics", 29_000),
            new Product("ELC-003", "스마트 체중계", "electronics", 39_000),
            new Product("ELC-004", "USB-C 멀티 허브", "electronics", 45_000),
            new Product("ELC-005", "블루투스 스피커", "electronics", 69_000),
            new Product("ELC-006", "LED 무드등", "electronics", 22_000));

    static final List<String> KOREAN_FAMILY =
            List.of("김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신");
    static final List<String> KOREAN_GIVEN = List.of(
            "민준", "서연", "지우", "하준", "서윤", "도윤", "지민", "예은", "시우", "수아", "현우", "지아", "유진", "은서", "준호", "다은", "태윤", "하린",
            "승민", "소율");
    static final List<String> ENGLISH_GIVEN = List.of(
            "Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Mia", "Lucas", "Sophia", "James", "Chloe", "Daniel");
    static final List<String> ENGLISH_FAMILY =
            List.of("Smith", "Johnson", "Brown", "Lee", "Garcia", "Miller", "Wilson", "Taylor", "Clark", "Walker");
    static final List<String> CITIES = List.of("서울", "부산", "인천", "대구", "대전", "광주", "수원", "성남", "고양", "제주");
    static final List<String> PAGES = List.of(
            "/",
            "/category/skincare",
            "/category/fashion",
            "/category/kitchen",
            "/category/food",
            "/category/electronics",
            "/events",
            "/best",
            "/new",
            "/search");
    static final List<String> TICKET_TOPICS =
            List.of("delivery_delay", "refund_request", "product_defect", "payment_error", "exchange", "account");
    static final List<String> STORES = List.of("store-gangnam", "store-hongdae", "store-busan");

    private DemoCatalog() {}
}

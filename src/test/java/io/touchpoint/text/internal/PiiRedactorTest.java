package io.touchpoint.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiRedactorTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kim.minji@example.com",
                "first+tag@mail.example.co.kr",
                "USER_01@Naver.COM",
            })
    void emailsAreRedacted(String email) {
        assertThat(PiiRedactor.redact("연락은 " + email + "로 주세요")).isEqualTo("연락은 [EMAIL]로 주세요");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "010-1234-5678",
                "01012345678",
                "010 1234 5678",
                "010.1234.5678",
                "011-123-4567",
                "+82 10 1234 5678",
                "+82-10-1234-5678",
                "+821012345678",
                "02-123-4567",
                "02-1234-5678",
                "(02) 1234-5678",
                "031-123-4567",
                "070-1234-5678",
                "+1 415 555 0100",
                "+1 (415) 555-0100",
                "(415) 555-0100",
                "415-555-0100",
                "+44 20 7946 0958",
            })
    void phoneNumbersAreRedacted(String phone) {
        assertThat(PiiRedactor.redact("전화 " + phone + " 으로 연락 부탁")).isEqualTo("전화 [PHONE] 으로 연락 부탁");
        assertThat(PiiRedactor.redact("call me at " + phone + ".")).isEqualTo("call me at [PHONE].");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111 1111 1111 1111",
                "4111-1111-1111-1111",
                "4111111111111111",
                "5555 5555 5555 4444",
                "3782 822463 10005",
                "9410 1234 5678 9010",
            })
    void cardNumbersThatPassLuhnAreRedacted(String card) {
        assertThat(PiiRedactor.redact("카드 " + card + " 결제했어요")).isEqualTo("카드 [CARD] 결제했어요");
    }

    @ParameterizedTest
    @ValueSource(strings = {"900101-1234567", "851231-2345678", "020315-3456789", "991111 - 5123456"})
    void residentRegistrationNumbersAreRedacted(String rrn) {
        assertThat(PiiRedactor.redact("주민번호 " + rrn + " 입니다")).isEqualTo("주민번호 [RRN] 입니다");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "주문번호 20240105-123456 확인 부탁드려요",
                "주문번호 2024010512345678 배송 언제 와요?",
                "주문 ORD-2024-000123 환불해 주세요",
                "4111 1111 1111 1112 (Luhn fails)",
                "가격이 39,000원에서 129,000원으로 올랐어요",
                "₩1,234,567 결제",
                "Total was $1,299.99 for 3 items",
                "2024-01-05에 주문했는데 2024.01.12에 왔어요",
                "배송 01/05 예정, 오후 2:30 도착",
                "송장번호 6070 1234 5678 조회가 안 돼요",
                "990231-1234567 is not a date",
                "사이즈 270mm, 수량 2개, 10% 할인",
                "version 1.2.3.4 of the app",
                "고객센터 1588-1234 로 전화했어요",
                "order 123-456-7890123",
            })
    void orderNumbersPricesAndDatesAreKept(String text) {
        assertThat(PiiRedactor.redact(text)).isEqualTo(text);
    }

    @CsvSource({"4111111111111111,true", "4111111111111112,false", "79927398713,true"})
    @ParameterizedTest
    void luhnCheck(String digits, boolean valid) {
        assertThat(PiiRedactor.luhn(digits)).isEqualTo(valid);
    }

    @org.junit.jupiter.api.Test
    void everyKindInOneText() {
        String text = "김민지 010-9876-5432, minji@example.com, 카드 4111 1111 1111 1111, 주민번호 900101-2345678";
        assertThat(PiiRedactor.redact(text)).isEqualTo("김민지 [PHONE], [EMAIL], 카드 [CARD], 주민번호 [RRN]");
    }
}

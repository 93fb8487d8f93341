package io.touchpoint.demo.internal;

import java.util.List;
import java.util.Map;

/**
 * Open comments of the demo shop's respondents, Korean and English, by mood and by what went
 * wrong. Written like real shop reviews: short, sometimes mixed ("…지만 …"), with negations.
 */
final class DemoComments {

    private DemoComments() {}

    static final Map<String, List<String>> KO = Map.of(
            "delivery",
                    List.of(
                            "배송이 너무 늦었어요. 예정일보다 사흘이나 지나서 받았습니다.",
                            "배송 지연 안내가 없어서 답답했어요.",
                            "배송은 늦었지만 품질은 좋아요.",
                            "택배 조회가 며칠째 안 바뀌어서 고객센터에 문의했어요.",
                            "상품은 마음에 드는데 배송이 느려서 아쉽습니다.",
                            "배송비는 비싼데 배송이 빠르지 않네요."),
            "support",
                    List.of(
                            "고객센터 연결이 너무 오래 걸렸어요. 대기시간이 30분이었습니다.",
                            "상담원이 친절했지만 문제는 해결되지 않았어요.",
                            "채팅 상담으로 바로 해결됐어요. 감사합니다.",
                            "같은 내용을 여러 번 설명해야 해서 불편했습니다.",
                            "교환 절차 안내가 명확해서 좋았어요."),
            "negative",
                    List.of(
                            "포장이 찌그러져서 왔어요. 제품도 흠집이 있었습니다.",
                            "사진과 색상이 달라요. 별로예요.",
                            "사이즈가 표기보다 작아서 교환 신청했어요.",
                            "가격에 비해 품질이 안 좋아요.",
                            "환불 처리가 너무 느립니다.",
                            "앱에서 결제가 자꾸 오류가 나요.",
                            "쿠폰 적용이 안 돼서 결국 정가로 샀어요."),
            "neutral", List.of("무난했어요.", "가격은 적당한데 특별한 점은 없어요.", "보통이에요. 다음에도 필요하면 살 것 같아요.", "제품은 괜찮은데 포장이 조금 과했어요."),
            "positive",
                    List.of(
                            "배송이 빠르고 포장도 꼼꼼했어요!",
                            "가성비 최고예요. 친구에게도 추천했습니다.",
                            "품질이 기대 이상이에요. 재구매 의사 있습니다.",
                            "적립금 혜택이 좋아서 자주 이용해요.",
                            "사이즈가 딱 맞고 색상도 사진과 똑같아요.",
                            "고객센터 응대가 친절하고 빨랐어요.",
                            "항상 믿고 사는 쇼핑몰입니다."));

    static final Map<String, List<String>> EN = Map.of(
            "delivery",
                    List.of(
                            "Delivery took three days longer than promised.",
                            "Nobody told me the parcel was delayed.",
                            "Shipping was slow, but the product itself is great.",
                            "Tracking did not update for days."),
            "support",
                    List.of(
                            "I waited 30 minutes to reach customer service.",
                            "The agent was polite but my problem was not solved.",
                            "Support fixed it in one chat. Thanks!",
                            "The exchange process was clear and easy."),
            "negative",
                    List.of(
                            "The box arrived crushed and the item was scratched.",
                            "Not worth the price.",
                            "The size runs small, I had to exchange it.",
                            "Refund is taking forever.",
                            "Checkout in the app keeps failing."),
            "neutral", List.of("It was okay.", "Fine, nothing special.", "Average experience, fair price."),
            "positive",
                    List.of(
                            "Fast delivery and careful packaging!",
                            "Great value for money, I recommended you to a friend.",
                            "Quality is better than I expected.",
                            "Love the points program, I shop here often.",
                            "Friendly and quick customer service."));

    /** A comment for a score on a 0–1 scale (0 worst), in the language, about the topic when there is one. */
    static String pick(java.util.Random random, String language, double score01, String topic) {
        Map<String, List<String>> catalog = "en".equals(language) ? EN : KO;
        String bucket;
        if (score01 < 0.55) {
            bucket = topic != null && random.nextDouble() < 0.7 ? topic : "negative";
        } else if (score01 < 0.8) {
            bucket = "neutral";
        } else {
            bucket = "positive";
        }
        List<String> options = catalog.get(bucket);
        return options.get(random.nextInt(options.size()));
    }
}

package org.populus.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.person.PersonalData;
import org.populus.person.RegistrantDraft;
import org.populus.person.RegistrantKind;
import org.populus.person.Registrants;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS phone verification through the public API, on the real database; the test context's SMS go to a file
 * ({@link HttpTest#SMS_FILE}). Time-dependent rules use a service built on a clock the test moves.
 */
class PhoneVerificationsTest extends HttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{7})\\b");

    @Autowired
    PhoneVerifications phones;

    @Autowired
    Registrants registrants;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    FilesKey filesKey;

    long person() {
        return registrants.create(new RegistrantDraft(RegistrantKind.INDIVIDUAL, new PersonalData(null, "Sms",
                "Tester" + unique(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null), List.of(), List.of(), List.of(), null, CensusStatus.enabled()),
                new Provenance("user:tester", "phone verification test")).id();
    }

    /** A Spanish mobile number no other test uses, as {@code 6xxxxxxxx}. */
    static String mobile() {
        return "6" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The SMS sent to this E.164 number, oldest first. */
    static List<JsonNode> smsTo(String e164) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        if (!Files.exists(SMS_FILE)) {
            return found;
        }
        for (String line : Files.readAllLines(SMS_FILE, StandardCharsets.UTF_8)) {
            JsonNode sms = JSON.readTree(line);
            if (sms.get("to").asString().equals(e164)) {
                found.add(sms);
            }
        }
        return found;
    }

    static String lastCode(String e164) throws IOException {
        List<JsonNode> sent = smsTo(e164);
        assertThat(sent).as("SMS to " + e164).isNotEmpty();
        Matcher m = CODE.matcher(sent.get(sent.size() - 1).get("body").asString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String wrong(String code) {
        return String.format("%07d", (Integer.parseInt(code) + 1) % 10_000_000);
    }

    @Test
    void aSentCodeConfirmsOnceAndOnlyForItsPersonAndPhone() throws Exception {
        long person = person();
        String phone = mobile();
        phones.sendCode(person, "+34" + phone, "es");
        List<JsonNode> sent = smsTo("+34" + phone);
        assertThat(sent).hasSize(1);
        String code = lastCode("+34" + phone);
        assertThat(sent.get(0).get("body").asString()).isEqualTo("Tu código de activación es " + code);

        assertThat(phones.confirm(person(), "+34" + phone, code)).as("another person").isFalse();
        assertThat(phones.confirm(person, "+34" + mobile(), code)).as("another phone").isFalse();
        assertThat(phones.confirm(person, "+34" + phone, code)).isTrue();
        assertThat(phones.confirm(person, "+34" + phone, code)).as("used").isFalse();
    }

    @Test
    void theSamePhoneWrittenDifferentlyIsOnePhone() throws Exception {
        long person = person();
        String phone = mobile();
        phones.sendCode(person, "0034" + phone, null);
        assertThat(phones.confirm(person, phone, lastCode("+34" + phone))).isTrue();
        phones.sendCode(person, phone.substring(0, 3) + " " + phone.substring(3, 6) + "-" + phone.substring(6), "es");
        assertThat(phones.confirm(person, "+34 " + phone, lastCode("+34" + phone))).isTrue();
        phones.sendCode(person, "+34" + phone, "es");
        assertThat(phones.confirm(person, "0034-" + phone, lastCode("+34" + phone))).isTrue();
    }

    @Test
    void wrongCodesCountAndTheFifthVoidsTheCode() throws Exception {
        long person = person();
        String phone = "+34" + mobile();
        phones.sendCode(person, phone, "es");
        String code = lastCode(phone);
        for (int i = 0; i < 4; i++) {
            assertThat(phones.confirm(person, phone, wrong(code))).isFalse();
        }
        assertThat(phones.confirm(person, phone, code)).as("after 4 wrong attempts").isTrue();

        phones.sendCode(person, phone, "es");
        String next = lastCode(phone);
        for (int i = 0; i < 5; i++) {
            assertThat(phones.confirm(person, phone, i % 2 == 0 ? wrong(next) : "")).isFalse();
        }
        assertThat(phones.confirm(person, phone, next)).as("after 5 wrong attempts").isFalse();
        assertThat(jdbc.sql("select failed_attempts from phone_code where party_id = ?").param(person)
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void aWrongPhoneIsAWrongAttempt() throws Exception {
        long person = person();
        String phone = "+34" + mobile();
        phones.sendCode(person, phone, "es");
        String code = lastCode(phone);
        for (int i = 0; i < 5; i++) {
            assertThat(phones.confirm(person, "+34" + mobile(), code)).isFalse();
        }
        assertThat(phones.confirm(person, phone, code)).isFalse();
    }

    @Test
    void aNewCodeVoidsThePreviousOne() throws Exception {
        long person = person();
        String phone = "+34" + mobile();
        phones.sendCode(person, phone, "es");
        String first = lastCode(phone);
        phones.sendCode(person, phone, "es");
        String second = lastCode(phone);
        if (!first.equals(second)) {
            assertThat(phones.confirm(person, phone, first)).isFalse();
        }
        assertThat(phones.confirm(person, phone, second)).isTrue();
        assertThat(phones.confirm(person, phone, null)).isFalse();
        assertThat(phones.confirm(person, null, second)).isFalse();
    }

    @Test
    void onlyAHashOfTheCodeIsStored() throws Exception {
        long person = person();
        String phone = "+34" + mobile();
        phones.sendCode(person, phone, "es");
        String code = lastCode(phone);
        String row = jdbc.sql("select c::text from phone_code c where party_id = ?").param(person)
                .query(String.class).single();
        assertThat(row).doesNotContain(code);
        byte[] hash = jdbc.sql("select code_hash from phone_code where party_id = ?").param(person)
                .query(byte[].class).single();
        assertThat(hash).hasSize(32);
        assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain(code);
        assertThat(jdbc.sql("select s::text from sms_sent s where party_id = ?").param(person)
                .query(String.class).single()).doesNotContain(code);
    }

    @Test
    void theTextIsInThePersonsLanguage() throws Exception {
        String[][] expected = {{"es", "Tu código de activación es "}, {"ca", "El teu codi d'activació és "},
                {"eu", "Zure aktibazio-kodea "}, {"en", "Your activation code is "},
                {"gl", "O teu código de activación é "}, {"fr", "Tu código de activación es "},
                {"EN", "Your activation code is "}};
        for (String[] locale : expected) {
            String phone = "+34" + mobile();
            phones.sendCode(person(), phone, locale[0]);
            String code = lastCode(phone);
            String body = smsTo(phone).get(0).get("body").asString();
            assertThat(body).startsWith(locale[1]).contains(code);
        }
        assertThat(PhoneVerifications.text("eu").formatted("1234567")).isEqualTo("Zure aktibazio-kodea 1234567 da");
        assertThat(PhoneVerifications.text("en-GB")).isEqualTo("Your activation code is %s");
    }

    @Test
    void atMostThreeSmsPerPersonInTheWindow() throws Exception {
        long person = person();
        String phone = "+34" + mobile();
        for (int i = 0; i < 3; i++) {
            phones.sendCode(person, i == 1 ? "+34" + mobile() : phone, "es");
        }
        String third = lastCode(phone);
        assertThatThrownBy(() -> phones.sendCode(person, phone, "es")).isInstanceOf(SmsRateLimited.class);
        assertThat(smsTo(phone)).hasSize(2);
        assertThat(phones.confirm(person, phone, third)).as("the live code survives a refused request").isTrue();
        phones.sendCode(person(), phone, "es"); // another person is not limited
        assertThat(smsTo(phone)).hasSize(3);
    }

    @Test
    void concurrentRequestsCannotExceedTheLimit() throws Exception {
        long person = person();
        String phone = "+34" + mobile();
        List<Throwable> outcomes = race(8, () -> {
            phones.sendCode(person, phone, "es");
            return null;
        });
        assertThat(outcomes.stream().filter(t -> t == null).count()).isEqualTo(3);
        assertThat(outcomes.stream().filter(t -> t instanceof SmsRateLimited).count()).isEqualTo(5);
        assertThat(smsTo(phone)).hasSize(3);
        assertThat(jdbc.sql("select count(*) from phone_code where party_id = ?").param(person).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void concurrentConfirmationsSucceedOnce() throws Exception {
        long person = person();
        String phone = "+34" + mobile();
        phones.sendCode(person, phone, "es");
        String code = lastCode(phone);
        List<Boolean> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return phones.confirm(person, phone, code);
                }));
            }
            start.countDown();
            for (Future<Boolean> f : futures) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void confirmJoinsTheCallersTransaction() throws Exception {
        long person = person();
        String phone = "+34" + mobile();
        phones.sendCode(person, phone, "es");
        String code = lastCode(phone);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            assertThat(phones.confirm(person, phone, code)).isTrue();
            status.setRollbackOnly();
        });
        assertThat(phones.confirm(person, phone, code)).as("the rolled-back use did not count").isTrue();
    }

    @Test
    void sendingInsideATransactionIsRefused() {
        long person = person();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                phones.sendCode(person, "+34" + mobile(), "es"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> phones.sendCode(person, "  ", "es")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesExpireAfterTheirLifetimeAndTheWindowSlides() {
        MovableClock clock = new MovableClock(Instant.parse("2030-01-01T10:00:00Z"));
        List<String[]> sent = new ArrayList<>();
        PhoneVerifications timed = service(clock, (to, body) -> sent.add(new String[] {to, body}));
        long person = person();
        String phone = "+34" + mobile();

        timed.sendCode(person, phone, "en"); // 10:00
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(timed.confirm(person, phone, code(sent))).as("just before 5 minutes").isTrue();

        clock.advance(Duration.ofMillis(1));
        timed.sendCode(person, phone, "en"); // 10:05
        clock.advance(Duration.ofMinutes(5));
        assertThat(timed.confirm(person, phone, code(sent))).as("at 5 minutes").isFalse();

        long other = person();
        clock.advance(Duration.ofMinutes(1)); // 10:11
        for (int i = 0; i < 3; i++) {
            timed.sendCode(other, phone, "en"); // 10:11, 10:12, 10:13
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> timed.sendCode(other, phone, "en")).isInstanceOf(SmsRateLimited.class);
        clock.advance(Duration.ofMinutes(7).minusMillis(1)); // 10:20:59.999
        assertThatThrownBy(() -> timed.sendCode(other, phone, "en")).isInstanceOf(SmsRateLimited.class);
        clock.advance(Duration.ofMillis(1)); // 10:21: the 10:11 one has left the window
        timed.sendCode(other, phone, "en");
        assertThat(timed.confirm(other, phone, code(sent))).isTrue();
        assertThatThrownBy(() -> timed.sendCode(other, phone, "en")).isInstanceOf(SmsRateLimited.class);
        assertThat(sent).hasSize(6);
    }

    @Test
    void aFailedSendLeavesNoUsableCodeAndStillCounts() {
        AtomicReference<String> body = new AtomicReference<>();
        PhoneVerifications failing = service(Clock.systemUTC(), (to, text) -> {
            body.set(text);
            throw new SmsDeliveryFailed("gateway down", null);
        });
        long person = person();
        String phone = "+34" + mobile();
        assertThatThrownBy(() -> failing.sendCode(person, phone, "es")).isInstanceOf(SmsDeliveryFailed.class);
        Matcher m = CODE.matcher(body.get());
        assertThat(m.find()).isTrue();
        assertThat(failing.confirm(person, phone, m.group(1))).isFalse();
        assertThat(jdbc.sql("select count(*) from sms_sent where party_id = ?").param(person).query(Long.class)
                .single()).isEqualTo(1);

        PhoneVerifications crashing = service(Clock.systemUTC(), (to, text) -> {
            throw new IllegalStateException("bug in a sender");
        });
        assertThatThrownBy(() -> crashing.sendCode(person, phone, "es")).isInstanceOf(SmsDeliveryFailed.class);
    }

    @Test
    void theHttpGatewayFailingIsADeliveryFailure() throws Exception {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        server.start();
        try {
            var uri = java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
            PhoneVerifications viaHttp = service(Clock.systemUTC(),
                    new SmsSenders.HttpSender(uri, "t", Duration.ofSeconds(5)));
            long person = person();
            assertThatThrownBy(() -> viaHttp.sendCode(person, "+34" + mobile(), "es"))
                    .isInstanceOf(SmsDeliveryFailed.class).hasMessageContaining("502");
            assertThat(jdbc.sql("select count(*) from phone_code where party_id = ?").param(person)
                    .query(Long.class).single()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void atMostFiveSmsPerDestinationWhoeverAsks() throws Exception {
        String phone = "+34" + mobile();
        for (int i = 0; i < 5; i++) {
            phones.sendCode(person(), phone, "es");
        }
        long sixth = person();
        assertThatThrownBy(() -> phones.sendCode(sixth, phone, "es")).isInstanceOf(SmsRateLimited.class);
        assertThat(smsTo(phone)).hasSize(5);
        // written another way, it is the same destination
        assertThatThrownBy(() -> phones.sendCode(sixth, "0034 " + phone.substring(3), "es"))
                .isInstanceOf(SmsRateLimited.class);
        // the refused person may still text another number
        phones.sendCode(sixth, "+34" + mobile(), "es");
    }

    @Test
    void theGlobalLimitCountsTheSmsOfEveryInstance() {
        // a moment of its own, so that no other test's SMS fall in its window
        MovableClock clock = new MovableClock(Instant.parse("2040-01-01T00:00:00Z")
                .plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(1_000_000))));
        List<String> sent = new ArrayList<>();
        SmsLimits limits = new SmsLimits(3, Duration.ofMinutes(10), 5, 3, Duration.ofMinutes(1), "");
        PhoneVerifications first = service(clock, (to, body) -> sent.add(to), limits);
        PhoneVerifications second = service(clock, (to, body) -> sent.add(to), limits);
        try {
            first.sendCode(person(), "+34" + mobile(), "es");
            second.sendCode(person(), "+34" + mobile(), "es");
            clock.advance(Duration.ofSeconds(30));
            first.sendCode(person(), "+34" + mobile(), "es");
            long refused = person();
            assertThatThrownBy(() -> second.sendCode(refused, "+34" + mobile(), "es"))
                    .isInstanceOf(SmsRateLimited.class);
            assertThat(sent).hasSize(3);
            clock.advance(Duration.ofSeconds(30)); // the first two have left the one-minute window
            second.sendCode(refused, "+34" + mobile(), "es");
            assertThat(sent).hasSize(4);
        } finally {
            jdbc.sql("delete from sms_sent where sent_at >= ?").param(java.sql.Timestamp.from(
                    Instant.parse("2040-01-01T00:00:00Z"))).update();
        }
    }

    @Test
    void onlyNumbersOfTheAllowedCountriesAreTexted() {
        List<String> sent = new ArrayList<>();
        PhoneVerifications spanishOnly = service(Clock.systemUTC(), (to, body) -> sent.add(to),
                new SmsLimits(3, Duration.ofMinutes(10), 5, 100, Duration.ofMinutes(1), " 34 , 376"));
        long person = person();
        for (String phone : List.of("+33 6 12 34 56 78", "0044 7700 900123", "12345", "+1 202 555 0147")) {
            assertThatThrownBy(() -> spanishOnly.sendCode(person, phone, "es")).as(phone)
                    .isInstanceOf(SmsDestinationRefused.class);
        }
        assertThat(sent).isEmpty();
        assertThat(jdbc.sql("select count(*) from sms_sent where party_id = ?").param(person).query(Long.class)
                .single()).as("a refused number does not count").isZero();
        spanishOnly.sendCode(person, "+34" + mobile(), "es");
        spanishOnly.sendCode(person, mobile(), "es"); // the default region, ES
        assertThat(sent).hasSize(2);
        assertThatThrownBy(() -> new SmsLimits(3, Duration.ofMinutes(10), 5, 100, Duration.ofMinutes(1), "34,x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POPULUS_SMS_ALLOWED_COUNTRY_CODES");
    }

    private PhoneVerifications service(Clock clock, SmsSender sender, SmsLimits limits) {
        return new PhoneVerifications(jdbc, transactions, filesKey, sender, clock, Duration.ofMinutes(5), limits,
                "ES");
    }

    private PhoneVerifications service(Clock clock, SmsSender sender) {
        return new PhoneVerifications(jdbc, transactions, filesKey, sender, clock, Duration.ofMinutes(5), 3,
                Duration.ofMinutes(10), "ES");
    }

    private static String code(List<String[]> sent) {
        Matcher m = CODE.matcher(sent.get(sent.size() - 1)[1]);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Runs the task on n threads at once; returns what each threw (null when it returned). */
    private static List<Throwable> race(int n, Callable<Void> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        task.call();
                        return null;
                    } catch (Throwable t) {
                        return t;
                    }
                }));
            }
            start.countDown();
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

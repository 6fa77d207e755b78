package org.populus.person;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Phone numbers in E.164 via libphonenumber. Numbers without a country prefix are read in the configured default
 * region ({@code POPULUS_PHONE_DEFAULT_REGION}); one that cannot be parsed or is not a valid number has no E.164
 * form and is kept as given. An optional regex ({@code POPULUS_PHONE_REGEX}) restricts what is accepted at all.
 */
@Component
class PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final Pattern acceptable;

    PhoneNumbers(@Value("${populus.phone.default-region:ES}") String defaultRegion,
            @Value("${populus.phone.regex:}") String regex) {
        this.defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? "ZZ" : defaultRegion.strip();
        this.acceptable = regex == null || regex.isBlank() ? null : Pattern.compile(regex);
    }

    boolean acceptable(String number) {
        return number != null && !number.isBlank() && (acceptable == null || acceptable.matcher(number).matches());
    }

    Optional<String> e164(String number) {
        try {
            Phonenumber.PhoneNumber parsed = util.parse(number, defaultRegion);
            if (!util.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}

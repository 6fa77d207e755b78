package org.populus.access;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the administrator {@code POPULUS_ADMIN_LOGIN} (default {@code admin}) with password
 * {@code POPULUS_ADMIN_PASSWORD}; without one, a random password is generated and printed once in the log.
 * The administrator gets {@code admin} and both registry roles so a fresh installation is usable at once — not
 * {@code registrar} nor {@code data}: reviewing procedures and reading people's history are granted to someone
 * deliberately (an administrator may grant them to themselves). Runs only when that user does not exist, so an
 * existing installation keeps its administrator's roles.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserAccounts accounts;
    private final String login;
    private final String password;

    BootstrapAdmin(UserAccounts accounts, @Value("${populus.admin.login:admin}") String login,
            @Value("${populus.admin.password:}") String password) {
        this.accounts = accounts;
        this.login = login;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.find(login).isPresent()) {
            return;
        }
        boolean generated = password == null || password.isBlank();
        String pw = generated ? HexFormat.of().formatHex(random())
                : password;
        try {
            accounts.create(login, "Administrator", pw, EnumSet.of(Role.ADMIN, Role.REGISTRY_READ, Role.REGISTRY_WRITE));
        } catch (AccessException e) {
            if (e.reason() == AccessException.Reason.DUPLICATE) {
                return; // another instance created it first
            }
            throw e;
        }
        if (generated) {
            log.warn("Created administrator '{}' with the generated password: {}  (shown once; change it, or set "
                    + "POPULUS_ADMIN_PASSWORD before the first start)", login, pw);
        } else {
            log.info("Created administrator '{}' from POPULUS_ADMIN_PASSWORD", login);
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}

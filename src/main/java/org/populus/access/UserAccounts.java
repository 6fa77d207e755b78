package org.populus.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.populus.platform.db.AdvisoryLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts. Passwords are stored as bcrypt hashes. A successful password check is remembered for a short
 * while ({@code populus.security.password-cache}) so HTTP Basic clients do not pay a bcrypt round per request;
 * every change to a user forgets it on every instance once the change commits (see {@link SessionCache}), and
 * ends the user's sessions.
 */
@Service
public class UserAccounts {

    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");

    /**
     * The advisory lock serialising changes to the administrators: {@code hashtext('populus:administrators')}, the
     * key earlier versions took, so they and this one exclude each other.
     */
    static final long ADMINISTRATORS_LOCK = -271669954L;

    private final UserAccountRepository repository;
    private final AdvisoryLocks locks;
    private final Sessions sessions;
    private final SessionCache notifications;
    private final LoginThrottle throttle;
    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;
    private final long passwordCacheMillis;
    private final Map<String, CachedCheck> checked = new ConcurrentHashMap<>();

    UserAccounts(UserAccountRepository repository, AdvisoryLocks locks, Sessions sessions, SessionCache notifications, LoginThrottle throttle,
            @Value("${populus.security.bcrypt-strength:10}") int strength,
            @Value("${populus.security.password-cache:60s}") Duration passwordCache) {
        this.repository = repository;
        this.locks = locks;
        this.sessions = sessions;
        this.encoder = new BCryptPasswordEncoder(strength);
        this.dummyHash = encoder.encode("populus-dummy-password");
        this.passwordCacheMillis = passwordCache.toMillis();
        this.notifications = notifications;
        this.throttle = throttle;
        notifications.onUserChanged(this::forgetChecks);
    }

    /** A login as {@link #create} accepts it; anything else (control characters, NUL…) cannot be a user's. */
    static boolean isWellFormedLogin(String login) {
        return login != null && LOGIN.matcher(login).matches();
    }

    /** Forgets the checked passwords of a login, or of everyone ({@code null}). */
    private void forgetChecks(String login) {
        if (login == null) {
            checked.clear();
        } else {
            checked.values().removeIf(c -> c.account.login().equalsIgnoreCase(login));
        }
    }

    /**
     * The account if the login exists, is enabled and the password matches. Not throttled: for checks that do not
     * come from a client ({@link #attempt} is for those).
     */
    public Optional<UserAccount> authenticate(String login, String password) {
        return check(login, password, null, false).account();
    }

    /**
     * A login attempt by a client (login endpoint, HTTP Basic, office sign-in): like {@link #authenticate}, but
     * refused without checking the password while this address has too many recent failures, against this login
     * or in all, or has failed against a login under attack ({@link LoginThrottle}); each failure is counted and
     * logged (login and address, never the password).
     */
    public LoginOutcome attempt(String login, String password, String clientAddress) {
        return check(login, password, clientAddress, true);
    }

    private LoginOutcome check(String login, String password, String clientAddress, boolean throttled) {
        if (password == null || !isWellFormedLogin(login)) {
            if (throttled) { // no such user can exist: nothing to look up or count
                log.warn("Failed login for malformed login '{}' from {}", sanitised(login), clientAddress);
            }
            return LoginOutcome.refused();
        }
        String key = digest(login.toLowerCase(java.util.Locale.ROOT) + "\u0000" + password);
        boolean cacheable = passwordCacheMillis > 0 && notifications.listening();
        CachedCheck cached = cacheable ? checked.get(key) : null;
        if (cached != null && cached.until > System.currentTimeMillis()) {
            return LoginOutcome.success(cached.account);
        }
        LoginThrottle.Attempt attempt = throttled ? throttle.reserve(login, clientAddress) : null;
        if (attempt != null && attempt.refused()) {
            log.warn("Login '{}' from {} refused unchecked: too many failed logins", login, clientAddress);
            return LoginOutcome.throttled(attempt.refusal().get());
        }
        long epoch = notifications.epoch();
        Optional<UserAccount> account;
        try {
            account = verified(login, password);
        } catch (RuntimeException | Error e) {
            if (attempt != null) {
                throttle.abandoned(attempt); // not a failure: the password was not checked
            }
            throw e;
        }
        if (account.isEmpty()) {
            if (attempt != null) {
                throttle.failed(attempt);
                log.warn("Failed login '{}' from {}", login, clientAddress);
            }
            return LoginOutcome.refused();
        }
        if (attempt != null) {
            throttle.succeeded(attempt);
        }
        if (cacheable && notifications.listening() && notifications.epoch() == epoch) {
            checked.put(key, new CachedCheck(account.get(), System.currentTimeMillis() + passwordCacheMillis));
        }
        return LoginOutcome.success(account.get());
    }

    /** The account if the login exists, is enabled and the password matches; the same bcrypt cost either way. */
    private Optional<UserAccount> verified(String login, String password) {
        Optional<UserAccountRepository.WithHash> row = repository.findWithHash(login);
        if (row.isEmpty()) {
            encoder.matches(password, dummyHash);
            return Optional.empty();
        }
        boolean matches = encoder.matches(password, row.get().hash());
        return matches && !row.get().account().disabled() ? Optional.of(row.get().account()) : Optional.empty();
    }

    /** A login fit for the log: at most 100 characters, anything but [A-Za-z0-9._@+-] shown as '?'. */
    private static String sanitised(String login) {
        if (login == null) {
            return "";
        }
        String cut = login.length() > 100 ? login.substring(0, 100) + "…" : login;
        return cut.replaceAll("[^A-Za-z0-9._@+\\-…]", "?");
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String login) {
        return repository.find(login);
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return repository.list();
    }

    @Transactional(readOnly = true)
    public boolean anyAdmin() {
        return repository.anyEnabledAdmin();
    }

    @Transactional
    public UserAccount create(String login, String displayName, String password, Collection<Role> roles) {
        if (login == null || !isWellFormedLogin(login.strip())) {
            throw new AccessException(AccessException.Reason.INVALID,
                    "A login is 1 to 100 letters, digits or . _ @ + -");
        }
        checkPassword(password);
        try {
            repository.insert(login.strip(), displayName, encoder.encode(password), codes(roles));
        } catch (DuplicateKeyException e) {
            throw new AccessException(AccessException.Reason.DUPLICATE, "User '" + login + "' already exists");
        }
        return find(login.strip()).orElseThrow();
    }

    /** Sets a user's roles; their sessions end. The last enabled administrator keeps the role {@code admin}. */
    @Transactional
    public UserAccount setRoles(String login, Collection<Role> roles, int version) {
        if (!roles.contains(Role.ADMIN)) {
            keepAnAdmin(login, "remove the role 'admin' from");
        }
        return change(login, version, UserAccountRepository.Column.ROLES, codes(roles), true);
    }

    /** Disables or enables a user; disabling ends their sessions. The last enabled administrator stays enabled. */
    @Transactional
    public UserAccount setDisabled(String login, boolean disabled, int version) {
        if (disabled) {
            keepAnAdmin(login, "disable");
            return change(login, version, UserAccountRepository.Column.DISABLED, true, true);
        }
        return change(login, version, UserAccountRepository.Column.DISABLED, false, true);
    }

    /** Replaces a user's password; their sessions end. */
    @Transactional
    public UserAccount resetPassword(String login, String password, int version) {
        checkPassword(password);
        return change(login, version, UserAccountRepository.Column.PASSWORD_HASH, encoder.encode(password), true);
    }

    /**
     * Whether {@code user} is the only enabled administrator among {@code all}: taking the role away from them,
     * or disabling them, would lock everyone out of the administration.
     */
    public static boolean isLastAdmin(UserAccount user, List<UserAccount> all) {
        if (user.disabled() || !user.roles().contains(Role.ADMIN)) {
            return false;
        }
        return all.stream().noneMatch(u -> u.id() != user.id() && !u.disabled() && u.roles().contains(Role.ADMIN));
    }

    private void keepAnAdmin(String login, String action) {
        // one change to the administrators at a time, so two admins cannot disable each other at once
        locks.lockForTransaction(ADMINISTRATORS_LOCK);
        UserAccount user = find(login).orElseThrow(() -> new AccessException(AccessException.Reason.NOT_FOUND,
                "User '" + login + "' does not exist"));
        if (isLastAdmin(user, list())) {
            throw new AccessException(AccessException.Reason.CONFLICT, "Cannot " + action + " '" + user.login()
                    + "': it is the last enabled user with the role 'admin'.");
        }
    }

    @Transactional
    public UserAccount setDisplayName(String login, String displayName, int version) {
        return change(login, version, UserAccountRepository.Column.DISPLAY_NAME, displayName, false);
    }

    /**
     * Applies one change with optimistic locking. A change to what the user may do ({@code access}) bumps
     * {@code access_version}, which ends the user's sessions; any change forgets the user's checked passwords. Both
     * take effect on every instance once this transaction commits.
     */
    private UserAccount change(String login, int version, UserAccountRepository.Column column, Object value,
            boolean access) {
        UserAccount current = find(login).orElseThrow(() -> new AccessException(AccessException.Reason.NOT_FOUND,
                "User '" + login + "' does not exist"));
        int rows = repository.update(current.id(), version, column, value, access);
        if (rows == 0) {
            throw new AccessException(AccessException.Reason.STALE,
                    "User '" + login + "' was changed by someone else (expected version " + version + ")");
        }
        if (access) {
            sessions.closeAll(current.login());
        } else {
            notifications.announceUserChange(current.login());
        }
        return find(login).orElseThrow();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccessException(AccessException.Reason.INVALID,
                    "A password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static String[] codes(Collection<Role> roles) {
        return roles.stream().map(Role::code).distinct().sorted().toArray(String[]::new);
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record CachedCheck(UserAccount account, long until) {
    }
}

package io.topograph.users;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.organizations.Organization;
import io.topograph.organizations.OrganizationService;
import io.topograph.platform.mail.Mailer;
import io.topograph.platform.security.Passwords;
import io.topograph.platform.security.SessionService;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.ValidationException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Account use cases: registration, credentials, verification and recovery. */
@Singleton
public class AccountService {

    static final Duration VERIFY_VALIDITY = Duration.ofDays(2);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    private final UserRepository users;
    private final OrganizationService organizations;
    private final EmailTokens tokens;
    private final Mailer mailer;
    private final SessionService sessions;
    private final String baseUrl;

    public AccountService(UserRepository users, OrganizationService organizations, EmailTokens tokens, Mailer mailer,
                          SessionService sessions, @Value("${topograph.base-url}") String baseUrl) {
        this.users = users;
        this.organizations = organizations;
        this.tokens = tokens;
        this.mailer = mailer;
        this.sessions = sessions;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public record SignedUp(User user, Organization organization) {
    }

    /** Creates the user, their organization (Owner), its first network, and sends the verification email. */
    @Transactional
    public SignedUp signUp(SignupForm form) {
        SignupForm f = form.normalized();
        FormErrors errors = f.validate();
        if (!errors.has("email") && users.emailTaken(f.email())) {
            errors.add("email", "An account with this email already exists. Log in instead, or reset your password.");
        }
        errors.throwIfAny();
        User user = createUser(f.name(), f.email(), f.password());
        Organization org = organizations.createWithOwner(f.organization(), user.id());
        return new SignedUp(user, org);
    }

    /**
     * Registers an account without an organization (used when accepting an invite). Validates
     * like sign-up; the caller's transaction decides what else happens with it.
     */
    @Transactional
    public User register(String name, String email, String password) {
        FormErrors errors = FormErrors.none();
        Check.required(errors, "name", Check.trim(name), SignupForm.NAME_MAX);
        Check.email(errors, "email", email);
        Check.password(errors, "password", password);
        if (!errors.has("email") && users.emailTaken(email.trim())) {
            errors.add("email", "An account with this email already exists. Log in instead.");
        }
        errors.throwIfAny();
        return createUser(name.trim(), email.trim(), password);
    }

    private User createUser(String name, String email, String password) {
        Instant now = Instant.now();
        User user = users.save(new User(UUID.randomUUID(), email, name, Passwords.hash(password), null, now, now));
        sendVerification(user);
        return user;
    }

    /** The user whose password matches, or empty; takes the same time whether or not the account exists. */
    @Transactional(readOnly = true)
    public Optional<User> authenticate(String email, String password) {
        Optional<User> user = email == null ? Optional.empty() : users.findByEmailIgnoreCase(email.trim());
        String hash = user.map(User::passwordHash).orElse(Passwords.DUMMY_HASH);
        boolean ok = Passwords.verify(password == null ? "" : password, hash);
        return ok ? user : Optional.empty();
    }

    @Transactional(readOnly = true)
    public User get(UUID userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("Account not found"));
    }

    @Transactional(readOnly = true)
    public Optional<User> findByEmail(String email) {
        return email == null ? Optional.empty() : users.findByEmailIgnoreCase(email.trim());
    }

    public void sendVerification(User user) {
        String token = tokens.issue(user.id(), EmailTokens.Purpose.VERIFY_EMAIL, VERIFY_VALIDITY);
        mailer.send(user.email(), "Confirm your email for Topograph",
                "Hello " + user.name() + ",\n\nConfirm your email address by opening this link within 48 hours:\n\n"
                        + baseUrl + "/verify-email?token=" + token + "\n\nIf you did not sign up for Topograph, ignore this message.\n");
    }

    /** Marks the email verified; false when the link is unknown, used or expired. */
    @Transactional
    public boolean verifyEmail(String token) {
        Optional<UUID> userId = tokens.consume(token, EmailTokens.Purpose.VERIFY_EMAIL);
        userId.flatMap(users::findById).ifPresent(u -> users.update(new User(u.id(), u.email(), u.name(), u.passwordHash(),
                Instant.now(), u.createdAt(), Instant.now())));
        return userId.isPresent();
    }

    /** Sends a reset link when the account exists; says nothing either way, so emails cannot be probed. */
    @Transactional
    public void requestPasswordReset(String email) {
        findByEmail(email).ifPresent(user -> {
            String token = tokens.issue(user.id(), EmailTokens.Purpose.RESET_PASSWORD, RESET_VALIDITY);
            mailer.send(user.email(), "Reset your Topograph password",
                    "Hello " + user.name() + ",\n\nSomeone asked to reset the password of this account. To choose a new one, open this link within an hour:\n\n"
                            + baseUrl + "/password/reset?token=" + token + "\n\nIf it was not you, ignore this message: your password stays as it is.\n");
        });
    }

    public boolean resetTokenValid(String token) {
        return tokens.peek(token, EmailTokens.Purpose.RESET_PASSWORD).isPresent();
    }

    /** Sets a new password from a reset link and ends every session of the account. */
    @Transactional
    public User resetPassword(String token, String password) {
        FormErrors errors = FormErrors.none();
        Check.password(errors, "password", password);
        errors.throwIfAny();
        UUID userId = tokens.consume(token, EmailTokens.Purpose.RESET_PASSWORD)
                .orElseThrow(() -> ValidationException.of("token", "This reset link is invalid, used or expired. Ask for a new one."));
        User u = get(userId);
        // Opening the emailed link proves the address as well.
        User updated = users.update(new User(u.id(), u.email(), u.name(), Passwords.hash(password),
                u.emailVerifiedAt() == null ? Instant.now() : u.emailVerifiedAt(), u.createdAt(), Instant.now()));
        sessions.endAll(userId);
        return updated;
    }

    @Transactional
    public User updateProfile(UUID userId, ProfileForm form) {
        ProfileForm f = form.normalized();
        FormErrors errors = FormErrors.none();
        Check.required(errors, "name", f.name(), SignupForm.NAME_MAX);
        Check.email(errors, "email", f.email());
        User u = get(userId);
        boolean emailChanged = f.email() != null && !u.email().equalsIgnoreCase(f.email());
        if (!errors.has("email") && emailChanged && users.emailTaken(f.email())) {
            errors.add("email", "An account with this email already exists.");
        }
        errors.throwIfAny();
        User updated = users.update(new User(u.id(), f.email(), f.name(), u.passwordHash(),
                emailChanged ? null : u.emailVerifiedAt(), u.createdAt(), Instant.now()));
        if (emailChanged) {
            sendVerification(updated);
        }
        return updated;
    }

    /** Changes the password after checking the current one; other sessions are ended. */
    @Transactional
    public void changePassword(UUID userId, UUID currentSessionId, PasswordForm form) {
        User u = get(userId);
        FormErrors errors = FormErrors.none();
        if (form.current() == null || !Passwords.verify(form.current(), u.passwordHash())) {
            errors.add("current", "This is not your current password.");
        }
        Check.password(errors, "password", form.password());
        if (!errors.has("password") && !form.password().equals(form.confirmation())) {
            errors.add("confirmation", "The two new passwords differ.");
        }
        errors.throwIfAny();
        users.update(new User(u.id(), u.email(), u.name(), Passwords.hash(form.password()), u.emailVerifiedAt(), u.createdAt(), Instant.now()));
        sessions.endOthers(userId, currentSessionId);
    }
}

package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.populus.access.Role;
import org.populus.access.UserAccount;
import org.populus.access.UserAccounts;
import org.populus.api.admin.UserDtos.NewUserIn;
import org.populus.api.admin.UserDtos.PasswordIn;
import org.populus.api.admin.UserDtos.RolesIn;
import org.populus.api.admin.UserDtos.UserOut;
import org.populus.api.admin.UserDtos.UserUpdateIn;
import org.populus.api.admin.UserDtos.VersionIn;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * User accounts. Changing roles, disabling or resetting a password ends the user's sessions at once. The last
 * enabled administrator cannot be disabled or lose the admin role, so the installation is never locked out.
 */
@RestController
@RequestMapping(path = AdminErrors.PREFIX + "/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Users", description = "User accounts and their roles; needs the admin role")
class UsersController {

    private final UserAccounts accounts;

    UsersController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "List all users, by login")
    @GetMapping
    List<UserOut> list() {
        return accounts.list().stream().map(UserOut::of).toList();
    }

    @Operation(summary = "Get one user by login (case-insensitive)")
    @GetMapping("/{login}")
    UserOut get(@PathVariable String login) {
        return UserOut.of(existing(login));
    }

    @Operation(summary = "Create a user {login, display_name?, password, roles}; 201 with its Location")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UserOut> create(@Valid @RequestBody(required = false) NewUserIn body) {
        NewUserIn in = Checks.body(body);
        UserAccount created = accounts.create(in.login(), in.displayName(), in.password(), roles(in.roles()));
        var location = UriComponentsBuilder.newInstance()
                .path(AdminErrors.PREFIX + "/users/{login}").buildAndExpand(created.login()).encode().toUri();
        return ResponseEntity.created(location).body(UserOut.of(created));
    }

    @Operation(summary = "Change a user's display name {display_name, version}")
    @PutMapping(path = "/{login}", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserOut update(@PathVariable String login, @Valid @RequestBody(required = false) UserUpdateIn body) {
        UserUpdateIn in = Checks.body(body);
        return UserOut.of(accounts.setDisplayName(existing(login).login(), in.displayName(), in.version()));
    }

    @Operation(summary = "Replace a user's roles {roles, version}; ends the user's sessions")
    @PutMapping(path = "/{login}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserOut setRoles(@PathVariable String login, @Valid @RequestBody(required = false) RolesIn body) {
        RolesIn in = Checks.body(body);
        return UserOut.of(accounts.setRoles(existing(login).login(), roles(in.roles()), in.version()));
    }

    @Operation(summary = "Disable a user {version}: they can no longer log in and their sessions end")
    @PostMapping(path = "/{login}/disable", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserOut disable(@PathVariable String login, @Valid @RequestBody(required = false) VersionIn body) {
        VersionIn in = Checks.body(body);
        return UserOut.of(accounts.setDisabled(existing(login).login(), true, in.version()));
    }

    @Operation(summary = "Enable a disabled user again {version}")
    @PostMapping(path = "/{login}/enable", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserOut enable(@PathVariable String login, @Valid @RequestBody(required = false) VersionIn body) {
        VersionIn in = Checks.body(body);
        return UserOut.of(accounts.setDisabled(existing(login).login(), false, in.version()));
    }

    @Operation(summary = "Set a new password {password, version}; ends the user's sessions")
    @PostMapping(path = "/{login}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserOut resetPassword(@PathVariable String login, @Valid @RequestBody(required = false) PasswordIn body) {
        PasswordIn in = Checks.body(body);
        return UserOut.of(accounts.resetPassword(existing(login).login(), in.password(), in.version()));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private UserAccount existing(String login) {
        return accounts.find(login)
                .orElseThrow(() -> AdminProblem.notFound("User '" + Checks.shown(login) + "' does not exist."));
    }

    /** Checked role codes ({@link RoleCodes}) to roles. */
    private static Set<Role> roles(List<String> codes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        codes.forEach(code -> roles.add(Role.of(code).orElseThrow()));
        return roles;
    }

}

package dev.berth.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The Authorization headers of the forged-header fuzz, every one of which must be refused: values that
 * must not authenticate, whether missing, empty, without or with another scheme, a token that never was
 * or no longer is, or the real token changed, cut, extended, doubled or wrapped. Never the real token
 * with only white space around it (HTTP strips that, so it is the real header), and never another
 * spelling of "Bearer" before the real token (the scheme is case-insensitive).
 */
public final class ForgedHeaders {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final Random random;
    private final String admin;
    private final String revoked;
    private final List<Forgery> all = new ArrayList<>();

    /** {@code admin} is the real token the forgeries are made from; {@code revoked} one that was real. */
    public ForgedHeaders(Random random, String admin, String revoked) {
        this.random = random;
        this.admin = admin;
        this.revoked = revoked;
    }

    /** The forgeries, kind after kind in a fixed order so that a seed replays the same list; call it once. */
    public List<Forgery> all() {
        malformed();
        wrongScheme();
        unknownTokens();
        changedAdminToken();
        doubled();
        controlAndNonAscii();
        veryLong();
        return all;
    }

    private void malformed() {
        all.add(new Forgery("missing", List.of()));
        for (String value : List.of("", "Bearer", "Bearer ", "Bearer  ", "Bearer  " + admin, "Bearer\t" + admin,
                admin, admin.substring(6), "berth_", "Bearer berth_", "Bearer \"" + admin + "\"",
                "Bearer '" + admin + "'", "Bearer <" + admin + ">", "Bearer=" + admin, "Bearer:" + admin,
                "Bearer: " + admin, "Bearer," + admin, "Bearer null", "Bearer undefined", "Bearer admin",
                "Bearer *", "Bearer ' OR '1'='1", "Bearer berth_' OR 1=1 --",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.",
                "Bearer " + Base64.getEncoder().encodeToString(admin.getBytes(UTF_8)),
                "Bearer %62" + admin.substring(1))) {
            all.add(new Forgery("malformed", List.of(value)));
        }
    }

    private void wrongScheme() {
        String basic = Base64.getEncoder().encodeToString(("admin:" + admin).getBytes(UTF_8));
        for (String value : List.of("Basic " + admin, "Basic " + basic, "Token " + admin, "Digest " + admin,
                "OAuth " + admin, "Bear " + admin, "Bearerr " + admin, "XBearer " + admin, "Bearer-" + admin,
                "Negotiate " + admin, "Berth " + admin, "berth " + admin)) {
            all.add(new Forgery("wrong scheme", List.of(value)));
        }
        for (String scheme : List.of("bearer", "BEARER", "bEaReR")) {
            all.add(new Forgery("scheme case, bad token", List.of(scheme + " " + randomToken())));
            all.add(new Forgery("scheme case, bad token", List.of(scheme + " " + changeOne(admin))));
            all.add(new Forgery("scheme case, bad token", List.of(scheme + " " + admin + "x")));
        }
    }

    private void unknownTokens() {
        for (int i = 0; i < 40; i++) {
            all.add(new Forgery("random well-formed token", List.of("Bearer " + randomToken())));
        }
        all.add(new Forgery("revoked token", List.of("Bearer " + revoked)));
        all.add(new Forgery("revoked token", List.of("Bearer " + changeOne(revoked))));
        all.add(new Forgery("all-A token", List.of("Bearer berth_" + "A".repeat(43))));
        all.add(new Forgery("upper-case prefix", List.of("Bearer BERTH_" + admin.substring(6))));
        all.add(new Forgery("other prefix", List.of("Bearer berth-" + admin.substring(6))));
        all.add(new Forgery("other prefix", List.of("Bearer xerth_" + admin.substring(6))));
        String upper = "berth_" + admin.substring(6).toUpperCase();
        if (!upper.equals(admin)) {
            all.add(new Forgery("token upper-cased", List.of("Bearer " + upper)));
        }
    }

    private void changedAdminToken() {
        for (int i = 0; i < 40; i++) {
            all.add(new Forgery("admin token, one char changed", List.of("Bearer " + changeOne(admin))));
        }
        for (String c : List.of("+", "/", "=", ".", "~", "!", "$", "%", "@", "\\", "\"", ";")) {
            int at = 6 + random.nextInt(43);
            all.add(new Forgery("admin token, non-base64url char", List.of("Bearer " + admin.substring(0, at) + c
                    + admin.substring(at + 1))));
        }
        for (int cut = 1; cut <= 6; cut++) {
            all.add(new Forgery("admin token cut short",
                    List.of("Bearer " + admin.substring(0, admin.length() - cut))));
        }
        for (String tail : List.of("x", "A", "_", ",", ";", "=", ".sig", " x", "%00", "\\", "==", "," + admin)) {
            all.add(new Forgery("admin token + trailing garbage", List.of("Bearer " + admin + tail)));
        }
        for (String head : List.of("x", "A", "_", " x")) {
            all.add(new Forgery("admin token + leading garbage", List.of("Bearer " + head + admin)));
        }
    }

    /** The header given twice goes out as one line, the values joined by a comma (the JDK connector's way). */
    private void doubled() {
        String real = "Bearer " + admin;
        for (String value : List.of(real + " " + real, real + ", " + real, real + "," + real, "Bearer Bearer " + admin,
                "Bearer " + admin + admin, "Bearer " + admin + " " + admin)) {
            all.add(new Forgery("twice in one value", List.of(value)));
        }
        all.add(new Forgery("header given twice", List.of(real, real)));
        all.add(new Forgery("header given twice", List.of(real, "Bearer " + randomToken())));
        all.add(new Forgery("header given twice", List.of("Bearer " + randomToken(), real)));
        all.add(new Forgery("header given twice", List.of("", real)));
    }

    private void controlAndNonAscii() {
        for (char c = 0; c < 0x20; c++) {
            String control = String.valueOf(c);
            int at = 6 + random.nextInt(43);
            all.add(new Forgery("control char in token", List.of("Bearer " + admin.substring(0, at) + control
                    + admin.substring(at))));
            if (c != '\t') {
                all.add(new Forgery("control char after token", List.of("Bearer " + admin + control)));
            }
        }
        all.add(new Forgery("control char after token", List.of("Bearer " + admin + "\u007f")));
        all.add(new Forgery("folded line", List.of("Bearer " + admin + "\r\n x")));
        all.add(new Forgery("folded line", List.of("Bearer " + admin + "\n x")));
        all.add(new Forgery("header injection", List.of("Bearer x\r\nAuthorization: Bearer " + admin)));
        all.add(new Forgery("header injection", List.of("Bearer x\rAuthorization: Bearer " + admin)));
        for (String c : List.of("\u00e9", "\u00ff", "\u00a0", "\u0131", "\u212a", "\u0430", "\ud83d\ude00",
                "\ufeff", "\u202e", "\ud800")) {
            int at = 6 + random.nextInt(43);
            all.add(new Forgery("non-ASCII in token", List.of("Bearer " + admin.substring(0, at) + c
                    + admin.substring(at + 1))));
        }
        all.add(new Forgery("non-ASCII scheme", List.of("\uff22earer " + randomToken())));
    }

    private void veryLong() {
        for (int i = 0; i < 8; i++) {
            int length = 1024 * (1 + i);
            all.add(new Forgery("very long", List.of("Bearer berth_" + randomBase64Url(length))));
            all.add(new Forgery("very long", List.of("Bearer " + admin + "A".repeat(length))));
        }
        all.add(new Forgery("very long", List.of("Bearer " + "x".repeat(8192))));
        all.add(new Forgery("very long", List.of("x".repeat(8192))));
        all.add(new Forgery("very long", List.of("Bearer " + "berth_".repeat(1400))));
        all.add(new Forgery("very long", List.of("Bearer " + admin + " ".repeat(4000) + "x")));
    }

    private String randomToken() {
        String token;
        do {
            token = "berth_" + randomBase64Url(43);
        } while (token.equals(admin) || token.equals(revoked));
        return token;
    }

    private String randomBase64Url(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** The token with one of its 43 characters replaced by another base64url character: still well-formed. */
    private String changeOne(String token) {
        int at = 6 + random.nextInt(43);
        char replacement;
        do {
            replacement = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        } while (replacement == token.charAt(at));
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }
}

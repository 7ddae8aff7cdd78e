package dev.berth.db;

/**
 * One request that changed something, or tried to: when (epoch ms), who (the token's name; null
 * when it carried no valid token), what (method and path), from where, and the status answered.
 */
public record AuditRow(long id, long at, String actor, String action, String target, String remoteAddress,
                       int outcome) {
}

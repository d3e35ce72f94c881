package dev.accord.core.rollback;

import java.util.List;

/**
 * What a rollback did.
 *
 * @param reverted target rows restored to their before-image
 * @param alreadyReverted rows a previous rollback already restored (rolling back twice is a no-op)
 * @param conflicts rows someone else changed after Accord wrote them: reported, never overwritten
 */
public record RollbackResult(long reverted, long alreadyReverted, List<String> conflicts) {}

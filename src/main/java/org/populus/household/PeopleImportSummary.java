package org.populus.household;

import java.time.Duration;

/**
 * What an import did: lines (records) imported or skipped, individuals and households created, lines skipped because their
 * person or household was imported before, batches committed, time taken.
 */
record PeopleImportSummary(long lines, long people, long households, long skipped, int batches, Duration elapsed) {
}

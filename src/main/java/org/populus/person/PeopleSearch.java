package org.populus.person;

import java.util.Arrays;
import java.util.List;
import org.populus.shared.Names;
import org.populus.shared.TextLimits;

/**
 * What a registrar types to find people by name, valid by construction: the words of the text, normalised like
 * stored names (lower case, accents removed), in the order typed, without repeats. A person matches when every
 * word starts a word of their name ({@code jose garc} finds "José García López"). A one-letter word only narrows
 * what the longer words find, so at least one word must have two letters or more.
 *
 * @param includeDiscarded whether cancelled and trashed people are found too
 */
public record PeopleSearch(List<String> words, boolean includeDiscarded) {

    /** The most words a search may have. */
    public static final int MAX_WORDS = 10;

    public PeopleSearch {
        words = List.copyOf(words);
        if (words.isEmpty() || words.stream().allMatch(w -> w.codePointCount(0, w.length()) < 2)) {
            throw new Invalid("Type at least one word of two letters or more.");
        }
        if (words.size() > MAX_WORDS) {
            throw new Invalid("Type at most " + MAX_WORDS + " words.");
        }
    }

    /**
     * The search for this text.
     *
     * @throws Invalid if the text is longer than a name may be, has no word of two letters or more, or has more
     *                 than {@value #MAX_WORDS} words
     */
    public static PeopleSearch of(String text, boolean includeDiscarded) {
        if (text == null || TextLimits.tooLong(text, TextLimits.DISPLAY_NAME) || TextLimits.hasNul(text)) {
            throw new Invalid("Type a name of at most " + TextLimits.DISPLAY_NAME + " characters.");
        }
        String normalized = Names.normalize(text);
        List<String> words = normalized.isEmpty() ? List.of()
                : Arrays.stream(normalized.split(" ")).distinct().toList();
        return new PeopleSearch(words, includeDiscarded);
    }

    /** Whether this registrant may be in the answer at all: an individual, and discarded only when asked. */
    boolean admits(Registrant r) {
        return !r.isGroup() && (includeDiscarded || !r.discarded());
    }

    /** Whether the registrant is {@link #admits admitted} and every word starts a word of their name. */
    boolean matches(Registrant r) {
        if (!admits(r)) {
            return false;
        }
        List<String> nameWords = wordsOf(Names.normalize(r.data().name()));
        return words.stream().allMatch(w -> nameWords.stream().anyMatch(n -> n.startsWith(w)));
    }

    /**
     * The words of a normalised name: its space-separated words and, when one holds punctuation, the runs of letters
     * and digits inside it ("jean-pierre o'brien": jean-pierre, jean, pierre, o'brien, o, brien).
     */
    static List<String> wordsOf(String normalizedName) {
        return java.util.stream.Stream.concat(Arrays.stream(normalizedName.split(" ")),
                Arrays.stream(normalizedName.split("[^\\p{L}\\p{N}]+"))).filter(w -> !w.isEmpty()).toList();
    }

    /** A search text that cannot be a search; the message says what to type instead. */
    public static final class Invalid extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /**
     * One page of the people found, in id order (or, for a fuzzy answer, the closest names first, then id).
     *
     * @param total        how many people match, counted up to {@value PeopleSearch#MAX_TOTAL}
     * @param totalCapped  whether more than {@value PeopleSearch#MAX_TOTAL} match (then {@code total} is that cap)
     * @param fuzzy        whether no name matched the words and these are names close to them instead (typos)
     */
    public record Result(List<Registrant> people, int total, boolean totalCapped, boolean fuzzy) {

        public Result {
            people = List.copyOf(people);
        }
    }

    /** Matches are counted up to this many. */
    public static final int MAX_TOTAL = 1000;
}

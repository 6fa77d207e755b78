package org.populus.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.populus.matching.MatchFields;
import org.populus.person.Registrant;
import org.populus.shared.Names;

/**
 * One Lucene document per registrant, from the registrant as the registry stores it (its newest history version):
 * the name fields of the searches (the registrars' word and prefix fields for individuals only) and, for
 * individuals not discarded, the matching module's fields (duplicate candidates are only ever such people).
 * {@link #SCHEMA} names this layout: an index written with another is rebuilt.
 */
final class PersonDocuments {

    /** The layout of the documents and the analysis of their fields; change it with any change to either. */
    static final int SCHEMA = 3;

    /** The registrant's id: a point (ranges), a doc value (the index's sort) and stored. */
    static final String ID = "id";
    /** The id as a term, to replace or delete one registrant's document. */
    static final String KEY = "key";
    static final String KIND = "kind";
    static final String LIVE = "live";
    /** The normalised name, as a binary doc value (to confirm a substring). */
    static final String NAME = "name";

    static final String INDIVIDUAL = "individual";
    static final String GROUP = "group";
    static final String YES = "yes";
    static final String NO = "no";

    private PersonDocuments() {
    }

    static Term key(long id) {
        return new Term(KEY, Long.toString(id));
    }

    static Document of(Registrant r) {
        String name = Names.normalize(r.data().name() == null ? "" : r.data().name());
        Document doc = new Document();
        doc.add(new LongPoint(ID, r.id()));
        doc.add(new NumericDocValuesField(ID, r.id()));
        doc.add(new StoredField(ID, r.id()));
        doc.add(new StringField(KEY, Long.toString(r.id()), Field.Store.NO));
        doc.add(new StringField(KIND, r.isGroup() ? GROUP : INDIVIDUAL, Field.Store.NO));
        doc.add(new StringField(LIVE, r.discarded() ? NO : YES, Field.Store.NO));
        doc.add(new BinaryDocValuesField(NAME, new BytesRef(name)));
        if (!r.isGroup()) { // the registrars' search finds individuals only: their words need no kind filter
            doc.add(new TextField(NameAnalysis.WORDS, name, Field.Store.NO));
            doc.add(new TextField(NameAnalysis.PREFIXES, name, Field.Store.NO));
        }
        doc.add(new TextField(NameAnalysis.GRAMS, name, Field.Store.NO));
        if (!r.isGroup() && !r.discarded()) {
            MatchFields.addTo(doc, MatchRecords.of(r));
        }
        return doc;
    }
}

package jp.ebpm.analysis.privacy.guard;

/**
 * A basis of a row space in echelon form (every row has a distinct leading index), built by exact sparse
 * elimination over the integers. A vector lies in the row space iff {@link #reduce} returns zero: scanning
 * the vector's indices in increasing order and eliminating every index that leads a basis row only ever
 * touches larger indices, so what remains has no leading index of the basis and is zero exactly when the
 * vector is a combination of the rows.
 *
 * <p>A basis may extend a parent basis (an overlay): rows added to the child are invisible to the parent, so
 * the same released equations can be tried with and without the rows of a new table.
 */
final class EchelonBasis {

    private final EchelonBasis parent;
    private final SparseRow[] byLead;
    private int rank;

    EchelonBasis(int columns) {
        this.parent = null;
        this.byLead = new SparseRow[columns];
    }

    private EchelonBasis(EchelonBasis parent) {
        this.parent = parent;
        this.byLead = new SparseRow[parent.byLead.length];
        this.rank = parent.rank;
    }

    /** A basis that starts as this one and can grow without changing it. */
    EchelonBasis overlay() {
        return new EchelonBasis(this);
    }

    int rank() {
        return rank;
    }

    private SparseRow row(int lead) {
        SparseRow r = byLead[lead];
        return r != null || parent == null ? r : parent.row(lead);
    }

    /** The vector with every leading index of the basis eliminated (zero iff the vector is in the row space). */
    SparseRow reduce(SparseRow v) {
        int pos = 0;
        while (pos < v.size()) {
            SparseRow b = row(v.idx[pos]);
            if (b == null) {
                pos++;
                continue;
            }
            // indices before pos are not leading indices and b has none below its lead: they stay where they are
            v = v.combine(b.val[0], v.val[pos], b);
        }
        return v;
    }

    /**
     * Whether a vector lies in the row space. Stops at the first index that no basis row leads: later eliminations
     * only touch larger indices, so that entry can never vanish (most vectors are decided in a step or two).
     */
    boolean contains(SparseRow v) {
        while (!v.isZero()) {
            SparseRow b = row(v.idx[0]);
            if (b == null) {
                return false;
            }
            v = v.combine(b.val[0], v.val[0], b);
        }
        return true;
    }

    /** Adds an already reduced, non-zero row. */
    void put(SparseRow reduced) {
        byLead[reduced.lead()] = reduced;
        rank++;
    }

    /** Adds a row; returns false when it was already in the row space. */
    boolean add(SparseRow v) {
        SparseRow r = reduce(v);
        if (r.isZero()) {
            return false;
        }
        put(r);
        return true;
    }
}

package org.duban.intake;

/** Precision, recall and F1 of a yes/no decision against labels. */
record Figures(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

    static Figures of(boolean[] labels, boolean[] decisions) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (decisions[i] && labels[i]) {
                tp++;
            } else if (decisions[i]) {
                fp++;
            } else if (labels[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Figures(tp, fp, fn, tn);
    }

    double precision() {
        return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
        return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
    }

    double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d, tn %d)",
                precision(), recall(), f1(), truePositives, falsePositives, falseNegatives, trueNegatives);
    }
}

/**
 * Linear regression as R's {@code lm()} computes it: R-style formulas with treatment-coded factors and
 * interactions ({@link jp.ebpm.analysis.stats.regression.Formula}), ordinary and weighted least squares by a
 * streaming Householder QR of row blocks (TSQR; never the normal equations), classical, HC0–HC3 and
 * cluster-robust standard errors ({@code sandwich::vcovHC}, {@code vcovCL}), aliased (collinear) columns
 * reported as R reports them (NA), and journal-style tables. Rows are read from a project dataset in one
 * streaming pass (a second pass when robust standard errors are asked for); the design matrix is never
 * held in memory.
 */
package jp.ebpm.analysis.stats.regression;

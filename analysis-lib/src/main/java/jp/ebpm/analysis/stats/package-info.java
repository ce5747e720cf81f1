/**
 * Small, exact statistical building blocks used by the survey tables: tail probabilities of the
 * normal, chi-squared and F distributions, Fisher's exact test, Wilson intervals, two-proportion tests
 * and contingency-table statistics. Pure Java on small in-memory arrays; no database access.
 */
package jp.ebpm.analysis.stats;

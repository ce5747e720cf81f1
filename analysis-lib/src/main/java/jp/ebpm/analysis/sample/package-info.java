/** The bundled sample project, built from {@code sample-data/} through the normal import APIs. */
package jp.ebpm.analysis.sample;

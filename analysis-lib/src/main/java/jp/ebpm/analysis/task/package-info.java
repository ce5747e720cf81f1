/** Progress reporting and cancellation shared by every long operation of the library. */
package jp.ebpm.analysis.task;

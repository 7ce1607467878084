/**
 * Internal helpers of hadron-eval (input validation, stable index sorts); not exported, no API
 * guarantees.
 */
package dev.hadron.eval.internal;

/** Small shared utilities: a strict JSON reader/writer ({@link dev.hadron.util.Json}) used by model files and headers. */
package dev.hadron.util;

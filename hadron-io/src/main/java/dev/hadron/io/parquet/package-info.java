/** parquet. */
package dev.hadron.io.parquet;

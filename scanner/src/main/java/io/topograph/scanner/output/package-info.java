/** Report writers: the JSON contract (field by field, fixed order) and the table for people. */
package io.topograph.scanner.output;

/**
 * Plain-text formats every module reads (CSV tables of currencies, test cards and, later, sanctions
 * lists). It sits in the lowest module so that there is one parser for all.
 */
package org.kassa.compliance.text;

/** Catalog, statute-layer and law-registry metadata as read from YAML (see docs/catalog-format.md). */
package org.discretion.rules.internal.model;

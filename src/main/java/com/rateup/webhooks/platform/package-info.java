/**
 * What every component relies on: the JAX-RS application and its single JSON error shape, the
 * data source, the schema migrations run at startup, and JPA value conversions.
 *
 * <p>On the component map (docs/architecture.md, "Where things are"; checked by ArchitectureTest): depends on no
 * other component; every other one may use it.
 */
package com.rateup.webhooks.platform;

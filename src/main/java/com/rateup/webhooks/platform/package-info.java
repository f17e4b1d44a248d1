/**
 * What every component relies on: the JAX-RS application and its single JSON error shape, the
 * data source, the schema migrations run at startup, and JPA value conversions.
 */
package com.rateup.webhooks.platform;

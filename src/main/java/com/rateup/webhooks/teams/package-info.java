/**
 * Tenancy. The platform administrator creates teams and issues their API tokens; every
 * team-scoped route is reachable only with a valid, unrevoked token of that team, and answers
 * 404 for ids that belong to another team. Tokens and the generated admin password are stored
 * hashed only.
 *
 * <p>On the component map (docs/architecture.md, "Where things are"; checked by ArchitectureTest): uses {@code
 * platform} only; every component above it may use it.
 */
package com.rateup.webhooks.teams;

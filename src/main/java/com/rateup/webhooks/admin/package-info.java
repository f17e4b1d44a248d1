/**
 * The admin pages (JSF): the surveys and flows list, a survey's page with its Settings (webhook),
 * Deliveries and Questions tabs. A page composes several components, as an application's UI
 * module does, so the pages live here rather than in the components they show; the login page and
 * who is viewing stay with {@code teams}, which owns them.
 *
 * <p>On the component map (docs/architecture.md, "Where things are"; checked by ArchitectureTest): the top; uses
 * every other component, and none uses it.
 */
package com.rateup.webhooks.admin;

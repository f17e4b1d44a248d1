package com.rateup.webhooks.outbox.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/** A query over one delivery log ({@code d}) with a filter, written once for the log's pages, counts, searches and jobs. */
public final class LogQuery {

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public LogQuery(LogOf log, DeliveryFilter filter) {
        if (log.surveyId() != null) {
            where.append("d.surveyId = :surveyId and d.reach = com.rateup.webhooks.webhooks.entity.Reach.SURVEY");
            parameters.put("surveyId", log.surveyId());
        } else {
            where.append("d.webhookId = :webhookId");
            parameters.put("webhookId", log.webhookId());
        }
        and(filter.status() != null, "d.status = :status", "status", filter.status());
        and(filter.since() != null, "d.createdAt >= :since", "since", filter.since());
        and(filter.until() != null, "d.createdAt < :until", "until", filter.until());
        and(filter.responseId() != null, "d.responseId = :responseId", "responseId", filter.responseId());
        and(filter.statusCode() != null,
                "exists (select a from DeliveryAttempt a where a.delivery = d and a.statusCode = :statusCode)", "statusCode",
                filter.statusCode());
    }

    /** Only deliveries older than the cursor's, in the log's order (newest first). */
    public LogQuery olderThan(LogCursor cursor) {
        return cursor == null ? this : cursor(cursor, "<");
    }

    /** Only deliveries newer than the cursor's (for oldest-first walks). */
    public LogQuery newerThan(LogCursor cursor) {
        return cursor == null ? this : cursor(cursor, ">");
    }

    private LogQuery cursor(LogCursor cursor, String direction) {
        where.append(" and (d.createdAt ").append(direction).append(" :cursorAt or (d.createdAt = :cursorAt and d.id ")
                .append(direction).append(" :cursorId))");
        parameters.put("cursorAt", cursor.createdAt());
        parameters.put("cursorId", cursor.id());
        return this;
    }

    public LogQuery and(String condition, String name, Object value) {
        return and(true, condition, name, value);
    }

    private LogQuery and(boolean applies, String condition, String name, Object value) {
        if (applies) {
            where.append(" and ").append(condition);
            parameters.put(name, value);
        }
        return this;
    }

    public <T> TypedQuery<T> select(EntityManager em, String select, String orderBy, Class<T> type) {
        return bind(em.createQuery(select + " from Delivery d where " + where + (orderBy.isEmpty() ? "" : " order by " + orderBy), type));
    }

    /** An update or delete statement over the same rows: {@code statement} is written up to its where clause. */
    public Query execute(EntityManager em, String statement) {
        return bind(em.createQuery(statement + " where " + where));
    }

    private <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}

package com.rateup.webhooks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The cycles of a dependency graph: its strongly connected parts of more than one node (Tarjan's algorithm). */
final class ClassCycles {

    private final Map<String, Set<String>> uses;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowest = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<Set<String>> cycles = new ArrayList<>();

    private ClassCycles(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    /** Each cycle as the set of its nodes, sorted; {@code uses}: each node's direct dependencies. */
    static List<Set<String>> of(Map<String, Set<String>> uses) {
        ClassCycles graph = new ClassCycles(uses);
        uses.keySet().forEach(node -> {
            if (!graph.index.containsKey(node)) {
                graph.visit(node);
            }
        });
        return graph.cycles;
    }

    private void visit(String node) {
        index.put(node, index.size());
        lowest.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : uses.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next);
                lowest.put(node, Math.min(lowest.get(node), lowest.get(next)));
            } else if (onStack.contains(next)) {
                lowest.put(node, Math.min(lowest.get(node), index.get(next)));
            }
        }
        if (lowest.get(node).equals(index.get(node))) {
            Set<String> part = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                part.add(member);
            } while (!member.equals(node));
            if (part.size() > 1) {
                cycles.add(part);
            }
        }
    }
}

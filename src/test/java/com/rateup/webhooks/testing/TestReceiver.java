package com.rateup.webhooks.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A real HTTP/1.1 receiver on 127.0.0.1, written on raw sockets so it can misbehave in every way
 * a webhook endpoint can: answer any status, stall before answering, or drop the connection.
 * It records every request it reads completely, with the instant it arrived.
 *
 * <p>Its URLs carry a path prefix of its own: a port is reused soon after a receiver closes, and a
 * server an earlier test left running may still retry deliveries to it (the Payara and WildFly halves
 * of the suite run side by side). Requests outside the prefix get 404 and are not recorded.
 */
public final class TestReceiver implements AutoCloseable {

    /** What to do with one request. */
    public sealed interface Reply {
    }

    /** Answers with the status, headers and body. */
    public record Status(int code, String body, Map<String, String> headers) implements Reply {

        public Status(int code, String body) {
            this(code, body, Map.of());
        }
    }

    /** Answers after the delay. */
    public record Stall(Duration delay, int code) implements Reply {
    }

    /** Resets the connection without answering. */
    public record Drop() implements Reply {
    }

    /** Never answers; keeps the connection open until the sender gives up. */
    public record Silent() implements Reply {
    }

    /** Sends a 200 answer one byte at a time, {@code every} apart: each read gets a byte in time, the whole takes long. */
    public record TrickleStatusLine(Duration every) implements Reply {

        public static final String ANSWER = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";

        public Duration total() {
            return every.multipliedBy(ANSWER.length());
        }
    }

    /** Sends part of the status line, then resets the connection. */
    public record ResetInStatusLine() implements Reply {
    }

    /** Sends the status and headers and part of the announced body, then resets the connection. */
    public record ResetInBody(int code) implements Reply {
    }

    /** Sends the status, then a chunked body that never ends. */
    public record EndlessBody(int code) implements Reply {
    }

    /** Sends the status and exactly these body bytes (binary, not UTF-8, NUL...). */
    public record Bytes(int code, byte[] body) implements Reply {
    }

    /** Sends the status and a body of {@code bytes} bytes. */
    public record HugeBody(int code, int bytes) implements Reply {
    }

    public record Received(Instant at, String method, String path, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final String prefix;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile Reply otherwise = new Status(200, "{\"ok\":true}");
    private final Map<String, Reply> byPath = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
    private volatile Consumer<Received> recorder = request -> { };
    private volatile java.util.function.Predicate<Received> admits = request -> true;

    public TestReceiver() throws IOException {
        this(0, "/r" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
    }

    /** On the given port, e.g. the one a receiver process that was killed listened on; without a prefix. */
    public TestReceiver(int port) throws IOException {
        this(port, "");
    }

    private TestReceiver(int port, String prefix) throws IOException {
        this.prefix = prefix;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        threads.submit(this::accept);
    }

    /**
     * A receiver in a process of its own ({@link ReceiverProcess}), to be killed for real: answers
     * 200 on {@code args[0]}'s port and appends each request's x-webhook-id to the file {@code args[1]}
     * as it arrives, so what it got survives its death.
     */
    public static void main(String[] args) throws IOException {
        Path record = Path.of(args[1]);
        TestReceiver receiver = new TestReceiver(Integer.parseInt(args[0]));
        receiver.recorder = request -> {
            try {
                Files.writeString(record, request.header("x-webhook-id") + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        System.out.println("listening on " + receiver.server.getLocalPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path(path);
    }

    /** The path to use in a URL built by hand (another host name for this receiver): with its prefix. */
    public String path(String path) {
        return prefix + path;
    }

    /** The replies for the next requests, in order; after them, {@link #otherwise(Reply)}. */
    public TestReceiver then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public TestReceiver otherwise(Reply reply) {
        otherwise = reply;
        return this;
    }

    /** Answers 401 to a request {@code admits} refuses, as a receiver behind authentication does; the others as usual. */
    public TestReceiver requiring(java.util.function.Predicate<Received> admits) {
        this.admits = admits;
        return this;
    }

    /** How requests to {@code path} are answered when no scripted reply is left: several endpoints on one host. */
    public TestReceiver on(String path, Reply reply) {
        byPath.put(path, reply);
        return this;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The x-webhook-ids that arrived while a request with the same id was still being answered. */
    public List<String> overlaps() {
        synchronized (overlaps) {
            return List.copyOf(overlaps);
        }
    }


    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                Received request = read(in);
                if (request == null) {
                    return;
                }
                if (!request.path().startsWith(prefix)) {
                    if (!reply(socket, in, out, new Status(404, "{\"error\":\"not this test's receiver\"}"))) {
                        return;
                    }
                    continue;
                }
                request = new Received(request.at(), request.method(), request.path().substring(prefix.length()), request.headers(), request.body());
                received.add(request);
                recorder.accept(request);
                String id = request.header("x-webhook-id");
                enter(id);
                try {
                    Reply reply = admits.test(request) ? script.poll() : new Status(401, "{\"error\":\"unauthorized\"}");
                    if (!reply(socket, in, out, reply != null ? reply : byPath.getOrDefault(request.path(), otherwise))) {
                        return;
                    }
                } finally {
                    leave(id);
                }
            }
        } catch (SocketException closedByPeer) {
            // the sender gave up on us (e.g. its timeout): nothing to answer
        } catch (IOException | InterruptedException e) {
            // the test is over or the peer went away
        }
    }

    private void enter(String id) {
        if (id == null) {
            return;
        }
        synchronized (inFlight) {
            if (inFlight.merge(id, 1, Integer::sum) > 1) {
                overlaps.add(id);
            }
        }
    }

    private void leave(String id) {
        if (id == null) {
            return;
        }
        synchronized (inFlight) {
            inFlight.computeIfPresent(id, (key, count) -> count == 1 ? null : count - 1);
        }
    }

    /** Answers one request as told; false when the connection is over. */
    private boolean reply(Socket socket, InputStream in, OutputStream out, Reply reply) throws IOException, InterruptedException {
        if (reply instanceof Drop) {
            reset(socket);
            return false;
        } else if (reply instanceof Silent) {
            while (in.read() != -1) {
                // wait for the sender to give up
            }
            return false;
        } else if (reply instanceof TrickleStatusLine trickle) {
            for (byte b : TrickleStatusLine.ANSWER.getBytes(StandardCharsets.ISO_8859_1)) {
                out.write(b);
                out.flush();
                Thread.sleep(trickle.every().toMillis());
            }
        } else if (reply instanceof ResetInStatusLine) {
            out.write("HTTP/1.1 2".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            reset(socket);
            return false;
        } else if (reply instanceof ResetInBody cut) {
            out.write(("HTTP/1.1 " + cut.code() + " Test\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(100))
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(100);
            reset(socket);
            return false;
        } else if (reply instanceof EndlessBody endless) {
            out.write(("HTTP/1.1 " + endless.code() + " Test\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("400\r\n" + "y".repeat(1024) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            while (true) {
                out.write(chunk); // until the sender closes the connection
                out.flush();
                Thread.sleep(5);
            }
        } else if (reply instanceof Bytes bytes) {
            out.write(("HTTP/1.1 " + bytes.code() + " Test\r\nContent-Length: " + bytes.body().length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes.body());
            out.flush();
        } else if (reply instanceof HugeBody huge) {
            out.write(("HTTP/1.1 " + huge.code() + " Test\r\nContent-Length: " + huge.bytes() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] block = "z".repeat(8192).getBytes(StandardCharsets.ISO_8859_1);
            for (int sent = 0; sent < huge.bytes(); sent += block.length) {
                out.write(block, 0, Math.min(block.length, huge.bytes() - sent));
            }
            out.flush();
        } else if (reply instanceof Stall stall) {
            Thread.sleep(stall.delay().toMillis());
            answer(out, stall.code(), "", Map.of());
        } else if (reply instanceof Status status) {
            answer(out, status.code(), status.body(), status.headers());
        }
        return true;
    }

    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0); // a reset, not a polite close
        socket.close();
    }

    private static void answer(OutputStream out, int code, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + code + " Test\r\nContent-Type: application/json\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    /**
     * One request, or null at the end of the connection or when it is not HTTP (e.g. a TLS
     * handshake). Supports Content-Length bodies (all the sender uses).
     */
    private static Received read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || !requestLine.matches("[A-Z]+ \\S+ HTTP/1\\.[01]")) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String[] parts = requestLine.split(" ");
        return new Received(Instant.now(), parts[0], parts[1], Map.copyOf(headers), body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}

package com.rateup.webhooks.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
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
import java.util.function.Predicate;

/**
 * A real HTTP/1.1 receiver on 127.0.0.1, written on raw sockets so it can misbehave in every way
 * a webhook endpoint can: answer any status, stall before answering, or drop the connection.
 * It records every request it reads completely, with the instant it arrived.
 */
public final class TestReceiver implements AutoCloseable {

    /** What to do with one request. */
    public sealed interface Reply {
    }

    public record Status(int code, String body) implements Reply {
    }

    public record Stall(Duration delay, int code) implements Reply {
    }

    public record Drop() implements Reply {
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
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile Reply otherwise = new Status(200, "{\"ok\":true}");

    public TestReceiver() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
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

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> receivedWhere(Predicate<Received> filter) {
        return received().stream().filter(filter).toList();
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
                received.add(request);
                Reply reply = script.poll();
                reply = reply == null ? otherwise : reply;
                if (reply instanceof Drop) {
                    socket.setSoLinger(true, 0); // reset, not a polite close
                    return;
                }
                if (reply instanceof Stall stall) {
                    Thread.sleep(stall.delay().toMillis());
                    answer(out, stall.code(), "");
                } else if (reply instanceof Status status) {
                    answer(out, status.code(), status.body());
                }
            }
        } catch (SocketException closedByPeer) {
            // the sender gave up on us (e.g. its timeout): nothing to answer
        } catch (IOException | InterruptedException e) {
            // the test is over or the peer went away
        }
    }

    private static void answer(OutputStream out, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + code + " Test\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    /** One request, or null at the end of the connection. Supports Content-Length bodies (all the sender uses). */
    private static Received read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
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

package io.quarkiverse.sqlspec.runtime.shutdown;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

import org.jboss.logging.Logger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.nio.AbstractNioChannel;
import io.netty.channel.nio.NioEventLoop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ServerID;
import io.vertx.core.net.impl.TCPServerBase;

/**
 * Stops the Quarkus HTTP server from accepting connections, without touching the established ones.
 * <p>
 * At shutdown Quarkus closes its Vert.x HTTP server in one step, which kills every open connection and then the
 * listening socket, so requests sent in that instant get a reset instead of a response. Closing the listening socket
 * first turns new connections into refused ones, while the established connections finish their responses. Vert.x 4.5
 * has no public way to do that (Vert.x 5 has {@code HttpServer.shutdown}), so this reaches into it: the listening
 * channel is the private {@code TCPServerBase.bindFuture} of each shared server. Before the socket closes, the
 * connections the kernel has queued are accepted (a queued connection is reset when its listening socket closes), and
 * the selector is run at once, because JDK NIO defers the real {@code close(fd)} of a registered channel to the next
 * select. Checked against vertx-core 4.5.27 and Netty 4.1; where any of it is missing, nothing happens but a log line,
 * and the server closes as it always did.
 */
final class HttpListeners {

    private static final Logger LOG = Logger.getLogger(HttpListeners.class);
    /** Accept rounds before closing; each accepts up to Netty's maxMessagesPerRead (16) connections. */
    private static final int ACCEPT_ROUNDS = 8;

    private HttpListeners() {
    }

    /**
     * Closes the listening socket of every HTTP server bound to a port that {@code ports} accepts; blocks (at most two
     * seconds per socket) until it is closed. Not on an event loop.
     *
     * @return how many listening sockets were closed
     */
    static int stopAccepting(Vertx vertx, IntPredicate ports) {
        List<Channel> listening = listeningChannels(vertx, ports);
        for (Channel channel : listening) {
            CompletableFuture<Integer> accepted = new CompletableFuture<>();
            channel.eventLoop().execute(() -> {
                try {
                    accepted.complete(closeOnItsEventLoop(channel));
                } catch (Throwable e) {
                    channel.close();
                    accepted.completeExceptionally(e);
                }
            });
            try {
                LOG.debugf("Stopped accepting on %s (%d queued connections accepted first)", channel.localAddress(),
                        accepted.get(2, TimeUnit.SECONDS));
            } catch (Exception e) {
                LOG.debugf(e, "Closing the listening socket %s failed", channel.localAddress());
            }
        }
        return listening.size();
    }

    private static List<Channel> listeningChannels(Vertx vertx, IntPredicate ports) {
        List<Channel> channels = new ArrayList<>();
        try {
            Field bindFuture = TCPServerBase.class.getDeclaredField("bindFuture");
            bindFuture.setAccessible(true);
            Map<ServerID, HttpServerImpl> shared = ((VertxInternal) vertx).sharedHttpServers();
            List<HttpServerImpl> servers;
            synchronized (shared) { // TCPServerBase synchronizes on this map
                servers = new ArrayList<>(shared.values());
            }
            for (HttpServerImpl server : servers) {
                @SuppressWarnings("unchecked")
                Future<Channel> bound = (Future<Channel>) bindFuture.get(server);
                if (bound != null && bound.succeeded() && bound.result().localAddress() instanceof InetSocketAddress address
                        && ports.test(address.getPort())) {
                    channels.add(bound.result());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warnf("New connections are accepted until the HTTP server closes (this Vert.x version does not offer"
                    + " what SQLSpec uses to stop accepting first): %s", e);
        }
        return channels;
    }

    /** Runs on the acceptor's event loop, so that nothing accepts concurrently. */
    private static int closeOnItsEventLoop(Channel listening) throws ReflectiveOperationException, IOException {
        if (!(listening instanceof AbstractNioChannel) || !(listening.eventLoop() instanceof NioEventLoop)) {
            listening.close(); // another transport (epoll): close, without the accept-queue drain
            return 0;
        }
        int[] accepted = new int[1];
        ChannelInboundHandlerAdapter counter = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext context, Object connection) {
                accepted[0]++;
                context.fireChannelRead(connection);
            }
        };
        listening.pipeline().addFirst(counter);
        AbstractNioChannel.NioUnsafe unsafe = (AbstractNioChannel.NioUnsafe) listening.unsafe();
        for (int round = 0; round < ACCEPT_ROUNDS; round++) {
            int before = accepted[0];
            unsafe.read(); // accepts what the kernel has queued; the connections register as usual
            if (accepted[0] == before) {
                break;
            }
        }
        Method javaChannel = AbstractNioChannel.class.getDeclaredMethod("javaChannel");
        javaChannel.setAccessible(true);
        Method selectNow = NioEventLoop.class.getDeclaredMethod("selectNow");
        selectNow.setAccessible(true);
        ((ServerSocketChannel) javaChannel.invoke(listening)).close();
        selectNow.invoke(listening.eventLoop()); // the kernel socket really closes here
        listening.close(); // Netty's and Vert.x's bookkeeping; Quarkus's own close later finds it done
        return accepted[0];
    }
}

package io.topograph.scanner.engine;

import java.io.FileDescriptor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.channels.SocketChannel;

/**
 * The error a connect in progress ended with, read as a number ({@code getsockopt(SO_ERROR)}) instead of
 * as the exception {@link SocketChannel#finishConnect()} throws. A refused connect is nearly every probe
 * of a scan, and the JDK builds each of those exceptions in native code (class lookup, message
 * formatting, stack walk): on the benchmark's 63,552 refusals about 0.3 s of CPU, a tenth of the scan's.
 *
 * <p>This reaches into the JDK ({@code sun.nio.ch}), which only works when the JVM was started with
 * {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED}, as the re-launched {@code scan} is (see
 * {@code ScanLauncher}), and only on Linux (errno numbers). Everywhere else {@link #available()} is
 * false and the engine asks {@code finishConnect} as before; the outcome is the same either way.
 */
final class PendingError {

    private static final MethodHandle GET_FD;
    private static final MethodHandle GET_INT_OPTION;
    private static final int SOL_SOCKET = 1;
    private static final int SO_ERROR = 4;

    static {
        MethodHandle fd = null;
        MethodHandle option = null;
        if ("Linux".equals(System.getProperty("os.name"))) {
            try {
                Class<?> selectable = Class.forName("sun.nio.ch.SelChImpl");
                Class<?> net = Class.forName("sun.nio.ch.Net");
                Method getFd = selectable.getMethod("getFD");
                Method getIntOption = net.getDeclaredMethod("getIntOption0", FileDescriptor.class, boolean.class, int.class, int.class);
                getFd.setAccessible(true); // InaccessibleObjectException unless the package is opened to us
                getIntOption.setAccessible(true);
                fd = MethodHandles.lookup().unreflect(getFd).asType(MethodType.methodType(FileDescriptor.class, SocketChannel.class));
                option = MethodHandles.lookup().unreflect(getIntOption);
                try (SocketChannel probe = SocketChannel.open()) { // works on a real channel, or not at all
                    int e = (int) option.invokeExact((FileDescriptor) fd.invokeExact(probe), false, SOL_SOCKET, SO_ERROR);
                    if (e != 0) {
                        fd = null;
                    }
                }
            } catch (Throwable e) { // not opened, another JDK, no such method: finishConnect it is
                fd = null;
            }
        }
        GET_FD = fd;
        GET_INT_OPTION = fd == null ? null : option;
    }

    private PendingError() {
    }

    static boolean available() {
        return GET_FD != null;
    }

    /**
     * The pending error of a non-blocking connect (errno; 0: none yet, or connected), clearing it; -1
     * when it cannot be read this way.
     */
    static int of(SocketChannel ch) {
        if (GET_FD == null) {
            return -1;
        }
        try {
            return (int) GET_INT_OPTION.invokeExact((FileDescriptor) GET_FD.invokeExact(ch), false, SOL_SOCKET, SO_ERROR);
        } catch (Throwable e) {
            return -1;
        }
    }

    /** The outcome a connect that failed with {@code errno} gets, as the exception finishConnect throws for it would give. */
    static PortState state(int errno) {
        return switch (errno) {
            case 111, 110, 107, 104 -> PortState.CLOSED; // ECONNREFUSED, ETIMEDOUT, ENOTCONN (ConnectException), ECONNRESET
            case 113, 101 -> PortState.UNREACHABLE; // EHOSTUNREACH (NoRouteToHostException), ENETUNREACH
            default -> PortState.FILTERED;
        };
    }
}

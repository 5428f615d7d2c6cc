import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.LogManager;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel as its own MainApp does (notebooks/kernel runs it; notebooks/run-all compiles it),
 * without the race that made a start fail on a busy machine.
 *
 * <p>The kernel binds its shell socket, and starts the thread that reads it, before it fills in its message handlers,
 * which are null until then. A Jupyter client asks for the kernel's info every second from the moment it launches the
 * kernel, so the requests made while the JVM and JShell start (10 to 15 seconds on a loaded 2-core machine) are queued
 * and arrive the instant the socket is bound: the thread then reads a null map, dies, and the kernel never answers.
 * With an empty map in place first, an early request is only logged as unhandled and dropped, and the client's next
 * one, a second later, is answered.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    LogManager.getLogManager()
        .readConfiguration(KernelMain.class.getClassLoader().getResourceAsStream("logging.properties"));
    ConnectionProperties connection =
        Transform.fromJson(Files.readString(Path.of(args[0])), ConnectionProperties.class);
    Channels channels = new Channels(connection);
    Field handlers = Channels.class.getDeclaredField("handlers");
    handlers.setAccessible(true);
    handlers.set(channels, Map.of());
    // MainApp's own kernel: the notebooks' display() reaches it there.
    channels.connect(MainApp.kernel);
    channels.joinUntilClose();
  }
}

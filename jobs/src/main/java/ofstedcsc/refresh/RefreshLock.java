package ofstedcsc.refresh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One refresh at a time per output directory. The lock is the operating system's lock on a file, so it dies with its
 * process: a refresh killed with SIGKILL leaves nothing to clean up by hand.
 */
public final class RefreshLock implements AutoCloseable {
  static final String FILE = ".refresh.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private RefreshLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Thrown when another refresh holds the lock; the message says which. */
  public static final class Busy extends RuntimeException {
    Busy(String message) {
      super(message);
    }
  }

  public static RefreshLock acquire(Path outputDir) {
    Path file = outputDir.resolve(FILE);
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        throw new Busy("another refresh is running on " + outputDir + (holder.isEmpty() ? "" : " (" + holder + ")")
            + "; nothing was touched");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + "\n")
          .getBytes(StandardCharsets.UTF_8)));
      return new RefreshLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      channel.truncate(0);
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

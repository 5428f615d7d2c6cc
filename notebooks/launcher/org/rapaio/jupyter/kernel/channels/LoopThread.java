package org.rapaio.jupyter.kernel.channels;

/**
 * Replaces rapaio-jupyter-kernel 3.0.1's class of the same name (this one comes first on notebooks/kernel's class
 * path), whose start() set its running flag only after starting the thread: on a busy machine the new thread could read
 * the flag first and end at once, silently, leaving the kernel with no thread reading its shell or control socket. Here
 * the flag is set before the thread starts. Same constructor and methods as the original.
 */
public final class LoopThread extends Thread {
  private volatile boolean running;
  private final long sleep;
  private final Runnable loopBody;

  public LoopThread(String name, long sleep, Runnable loopBody) {
    super(name);
    this.sleep = sleep;
    this.loopBody = loopBody;
  }

  @Override
  public void run() {
    try {
      while (running) {
        loopBody.run();
        Thread.sleep(sleep);
      }
    } catch (InterruptedException e) {
      running = false;
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    super.start();
  }

  public void shutdown() {
    running = false;
  }
}

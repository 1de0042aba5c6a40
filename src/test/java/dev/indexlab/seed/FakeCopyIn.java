package dev.indexlab.seed;

import java.io.ByteArrayOutputStream;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteStreamWriter;

/** A CopyIn that keeps what it is sent, for encoder tests without a server. */
final class FakeCopyIn implements CopyIn {
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  int writes;
  boolean ended;
  boolean cancelled;

  @Override
  public void writeToCopy(byte[] buf, int off, int siz) {
    bytes.write(buf, off, siz);
    writes++;
  }

  @Override
  public void writeToCopy(ByteStreamWriter from) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void flushCopy() {}

  @Override
  public long endCopy() {
    ended = true;
    return -1;
  }

  @Override
  public int getFieldCount() {
    return 0;
  }

  @Override
  public int getFormat() {
    return 0;
  }

  @Override
  public int getFieldFormat(int field) {
    return 0;
  }

  @Override
  public boolean isActive() {
    return !ended && !cancelled;
  }

  @Override
  public void cancelCopy() {
    cancelled = true;
  }

  @Override
  public long getHandledRowCount() {
    return 0;
  }
}

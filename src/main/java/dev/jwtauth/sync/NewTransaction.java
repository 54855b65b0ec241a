package dev.jwtauth.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Runs work in a transaction of its own. An observer of a committed transaction runs while that
 * transaction, finished, is still tied to the thread: a {@code REQUIRED} method called there would
 * join it and fail, so the reload after a commit goes through here.
 */
@ApplicationScoped
public class NewTransaction {

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void run(Runnable work) {
    work.run();
  }
}

package org.populus.procedure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable procedure queue's workers. Tasks live in table {@code procedure_task}; a worker takes one with
 * {@code for update skip locked} and processes its procedure in the same transaction, so a task is gone exactly
 * when its processing commits: a crash before that leaves it queued, and no two workers (on this instance or any
 * other on the same database) hold one task at once. A task whose processing fails is retried later with a
 * growing delay. Workers wake when a request on this instance commits a task, and poll otherwise (tasks of other
 * instances, retries, tasks left by a crash).
 */
@Component
class ProcedureQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcedureQueue.class);

    private final ProcedureRepository repository;
    private final ProcedureProcessor processor;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final TransactionTemplate ownTransaction;
    private final boolean processOnCommit;
    private final ThreadLocal<List<Long>> committed = ThreadLocal.withInitial(ArrayList::new);
    private final int batchSize;
    private final java.util.Queue<Object[]> failedAlone = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long singleUntil = System.nanoTime();
    private final Clock clock;
    private final boolean enabled;
    private final int workers;
    private final Duration pollInterval;
    private final Semaphore signal = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ProcedureQueue(ProcedureRepository repository, ProcedureProcessor processor, PlatformTransactionManager tm,
            Clock clock, @Value("${populus.procedures.enabled:true}") boolean enabled,
            @Value("${populus.procedures.workers:2}") int workers,
            @Value("${populus.procedures.poll-interval:500ms}") Duration pollInterval,
            @Value("${populus.procedures.batch-size:20}") int batchSize,
            @Value("${populus.procedures.process-on-commit:true}") boolean processOnCommit) {
        this.repository = repository;
        this.processor = processor;
        this.transactions = new TransactionTemplate(tm);
        this.savepoints = new TransactionTemplate(tm);
        this.savepoints.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.batchSize = Math.max(1, batchSize);
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.processOnCommit = processOnCommit;
        // procedures queued again by processing (the person's others) are taken by the workers right after
        processor.onRequeued(this::wakeAfterCommit);
        this.clock = clock;
        this.enabled = enabled;
        this.workers = Math.max(1, workers);
        this.pollInterval = pollInterval;
    }

    /**
     * Queues the procedure in the current transaction. With {@code populus.procedures.process-on-commit} (the
     * default), once that transaction commits the calling thread processes it ({@link #processCommitted}, taking its
     * task like a worker would), so processing keeps pace with the requests that create procedures; the workers take
     * whatever is left (a crash in between, a failure, procedures queued again).
     */
    void enqueue(long procedureId) {
        repository.enqueue(procedureId);
        if (!enabled || !processOnCommit || !TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeAfterCommit();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.get().add(procedureId);
            }
        });
    }

    /**
     * Processes, in the calling thread, the procedures this thread queued in transactions that have committed since.
     * Called outside any transaction, once the connection of the one that queued them is given back (processing
     * from inside its commit would hold two connections per request and could starve the pool).
     */
    void processCommitted() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return; // still inside a caller's transaction: the workers will take them
        }
        List<Long> ids = committed.get();
        if (ids.isEmpty()) {
            return;
        }
        List<Long> todo = List.copyOf(ids);
        ids.clear();
        todo.forEach(this::processNow);
    }

    /** Processes one queued procedure in the calling thread, unless a worker has taken it. Never throws. */
    void processNow(long procedureId) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                repository.takeTask(procedureId).ifPresent(attempts -> process(procedureId, attempts, false));
            });
        } catch (RuntimeException e) {
            log.warn("Procedure {} could not be processed on commit; the queue takes it", procedureId, e);
        }
    }

    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    void wake() {
        signal.release(workers);
    }

    /**
     * Processes due tasks until none is left; returns how many were taken. Used by the workers, and by tests and
     * synchronous callers that want the queue drained now.
     *
     * <p>Tasks are taken in batches ({@code populus.procedures.batch-size}) and committed together — one commit
     * (one WAL flush) per batch instead of per procedure. Each procedure runs in a savepoint: one that fails is rolled
     * back alone and rescheduled in the same transaction. Should a batch's commit itself fail, the next ones are
     * taken one by one for a while, so the failing procedure is isolated.
     */
    int drain() {
        int taken = 0;
        while (true) {
            int size = System.nanoTime() - singleUntil < 0 ? 1 : batchSize;
            List<long[]> batch;
            try {
                batch = transactions.execute(status -> {
                    List<long[]> tasks = repository.takeTasks(size);
                    for (long[] task : tasks) {
                        process(task[0], (int) task[2], size == 1);
                    }
                    return tasks;
                });
            } catch (RuntimeException e) {
                if (size == 1) {
                    if (failedAlone.isEmpty()) {
                        throw e; // not a procedure's fault (e.g. the database is away): the worker waits
                    }
                    rescheduleFailedAlone();
                    continue;
                }
                log.warn("A batch of procedures could not be committed; taking them one by one for a while", e);
                singleUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                continue;
            }
            if (batch == null || batch.isEmpty()) {
                return taken;
            }
            taken += batch.size();
        }
    }

    /** Processes a taken task's procedure in a savepoint; {@code attempts}: the task's failed attempts so far. */
    private void process(long procedureId, int attempts, boolean alone) {
        try {
            savepoints.executeWithoutResult(status -> processor.processAutomatically(procedureId));
        } catch (RuntimeException e) {
            if (alone) {
                // the whole (one-task) transaction is given up; the task is rescheduled in one of its own
                failedAlone.add(new Object[] {procedureId, e});
                throw e;
            }
            reschedule(procedureId, attempts, e);
        }
    }

    private void reschedule(long procedureId, int priorAttempts, RuntimeException e) {
        int attempts = priorAttempts + 1;
        Duration delay = Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
        repository.retryLater(procedureId, clock.instant().plus(delay), attempts, String.valueOf(e));
        if (e instanceof MatchingNotReady) {
            log.info("Procedure {} waits for duplicate matching; retrying in {} s", procedureId, delay.toSeconds());
        } else {
            log.warn("Procedure {} could not be processed; retrying in {} s", procedureId, delay.toSeconds(), e);
        }
    }

    /** Reschedules the tasks whose one-task transaction failed, each in a transaction of its own. */
    private void rescheduleFailedAlone() {
        Object[] failed;
        while ((failed = failedAlone.poll()) != null) {
            long procedureId = (Long) failed[0];
            RuntimeException e = (RuntimeException) failed[1];
            try {
                // rolled back with its transaction, the task is back as it was, attempts included
                transactions.executeWithoutResult(status -> reschedule(procedureId, repository.attempts(procedureId), e));
            } catch (RuntimeException again) {
                log.error("Procedure {} could not be processed nor rescheduled", procedureId, again);
            }
        }
    }

    private void work() {
        while (running) {
            try {
                drain();
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Procedure queue: {}", e.toString());
                }
            }
            rescheduleFailedAlone();
            try {
                signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "procedure-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        wake();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        for (Thread t : threads) {
            try {
                // a worker finishes the procedure in hand (its transaction commits or rolls back as a whole)
                t.join(10_000);
                if (t.isAlive()) {
                    t.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stops before the web server's graceful shutdown finishes and before the data source goes away
        return Integer.MAX_VALUE - 2048;
    }
}

package jp.ebpm.workbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.stage.Window;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * An {@link AppContext} for feature-view tests: a given project, tasks on a daemon thread, English text,
 * and recorded errors and navigation instead of dialogs.
 */
public final class TestAppContext implements AppContext {

    private final SimpleObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private final List<String> infos = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile java.util.concurrent.CountDownLatch gate;
    private Window owner;
    private final Locale locale;

    public TestAppContext(Project project) {
        this(project, Locale.ENGLISH);
    }

    public TestAppContext(Project project, Locale locale) {
        this.project.set(project);
        this.locale = locale;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public void setProject(Project p) {
        project.set(p);
    }

    /** Errors that would have been shown to the user. */
    public List<Throwable> errors() {
        return errors;
    }

    /**
     * Holds every task started from now on before it does its work, until the returned latch is counted down:
     * reproduces a slow computation so that tests can click while it runs.
     */
    public java.util.concurrent.CountDownLatch holdTasks() {
        java.util.concurrent.CountDownLatch l = new java.util.concurrent.CountDownLatch(1);
        gate = l;
        return l;
    }

    /** Lets tasks started from now on run at once again (held ones wait for their latch). */
    public void stopHolding() {
        gate = null;
    }

    /** Success notices that would have been shown in the status bar. */
    public List<String> infos() {
        return infos;
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(message);
    }

    /** Datasets that were asked to be shown. */
    public List<String> shownDatasets() {
        return shown;
    }

    @Override
    public ReadOnlyObjectProperty<Project> project() {
        return project;
    }

    @Override
    public TaskRunner tasks() {
        return new TaskRunner() {
            @Override
            public <T> Task<T> run(String title, Work<T> work, Consumer<T> onSuccess) {
                Cancellation cancel = new Cancellation();
                java.util.concurrent.CountDownLatch held = gate;
                Task<T> task = new Task<>() {
                    @Override
                    protected T call() throws Exception {
                        if (held != null) {
                            held.await();
                        }
                        ProgressListener l = (m, d, t) -> {
                            if (m != null) {
                                updateMessage(m);
                            }
                            updateProgress(d, t);
                        };
                        return work.run(l, cancel);
                    }

                    @Override
                    protected void cancelled() {
                        cancel.cancel();
                    }
                };
                task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
                task.setOnFailed(e -> errors.add(task.getException()));
                Thread t = new Thread(task, "test-task-" + title);
                t.setDaemon(true);
                t.start();
                return task;
            }
        };
    }

    @Override
    public ResourceBundle bundle(String feature) {
        return ResourceBundle.getBundle("jp.ebpm.workbench.i18n." + feature, locale);
    }

    @Override
    public Window owner() {
        return owner;
    }

    private final javafx.beans.property.SimpleLongProperty revision = new javafx.beans.property.SimpleLongProperty();

    @Override
    public void refreshCatalog() {
        // no catalog tree in tests; views listening for catalog changes are told
        if (Platform.isFxApplicationThread()) {
            revision.set(revision.get() + 1);
        } else {
            Platform.runLater(() -> revision.set(revision.get() + 1));
        }
    }

    @Override
    public javafx.beans.property.ReadOnlyLongProperty catalogRevision() {
        return revision;
    }

    @Override
    public void showDataset(String name) {
        shown.add(name);
    }

    @Override
    public void showError(String title, Throwable error) {
        if (Platform.isFxApplicationThread()) {
            errors.add(error);
        } else {
            Platform.runLater(() -> errors.add(error));
        }
    }
}

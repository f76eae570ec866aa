package io.topograph.scanner.cli;

/**
 * The jar's entry point (its manifest's Main-Class): a {@code scan} is re-launched in a JVM tuned for a
 * short command ({@link ScanLauncher}); everything else runs {@link Main} in this JVM. Kept apart from
 * {@link Main} so the first JVM of a scan loads nearly nothing of ours before it hands over.
 */
public final class Launch {

    private Launch() {
    }

    public static void main(String[] args) {
        int relaunched = ScanLauncher.relaunch(args);
        if (relaunched >= 0) {
            System.exit(relaunched);
        }
        Main.main(args);
    }
}

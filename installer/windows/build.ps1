<#
.SYNOPSIS
  Builds EBPM Workbench for Windows: a self-contained app image, a portable .zip of it and an .msi.

.DESCRIPTION
  The Windows counterpart of installer/build.sh (same steps, same module list). NOT BUILT OR RUN on the
  project's build machines, which are Linux: see installer/windows/README.md for what was and was not
  verified.

  Run on a Windows 10/11 x64 PC from the repository folder, after `mvn -B -DskipTests package`
  (or let `mvn -Pinstaller package` run it: installer/pom.xml activates it on Windows):

    powershell -NoProfile -ExecutionPolicy Bypass -File installer\windows\build.ps1 -Types "app-image zip msi"

  Needs a full JDK 17+ (jlink, jpackage, jmods) in JAVA_HOME or -Jdk, and for the .msi the WiX Toolset 3.x
  (candle.exe, light.exe) on PATH; JDK 17's jpackage does not use WiX 4 or later.

  Output in installer\target\:
    workbench\                                   the app image (workbench.exe, workbench-cli.exe, app\, runtime\)
    EBPM-Workbench-<version>-windows-x64.zip     the same folder zipped: unzip anywhere and run, no admin rights
    EBPM-Workbench-<version>.msi                 installer, per machine (the IT department installs it)
    EBPM-Workbench-<version>-per-user.msi        with -PerUser: installs into the user's profile, no admin rights

.PARAMETER Types
  Any of: app-image zip msi (separated by spaces). Default "app-image zip msi".
.PARAMETER PerUser
  Build the .msi as a per-user installation (into %LOCALAPPDATA%, no administrator rights needed).
.PARAMETER NoSelfTest
  Skip the command-line self-test of the app image.
.PARAMETER Jdk
  The JDK folder (default: JAVA_HOME, else the JDK of javac on PATH).
#>
param(
    [string]$Types = "app-image zip msi",
    [switch]$PerUser,
    [switch]$NoSelfTest,
    [string]$Jdk = $env:JDK
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version 3.0
Add-Type -AssemblyName System.IO.Compression.FileSystem

$Repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Repo
$TypeList = $Types -split '[ ,]+' | Where-Object { $_ -ne "" }

if (-not $Jdk) { $Jdk = $env:JAVA_HOME }
if (-not $Jdk) {
    $javac = Get-Command javac -ErrorAction SilentlyContinue
    if ($javac) { $Jdk = Split-Path (Split-Path $javac.Source -Parent) -Parent }
}
foreach ($tool in @("jlink", "jpackage")) {
    if (-not $Jdk -or -not (Test-Path (Join-Path $Jdk "bin\$tool.exe"))) {
        throw "$tool.exe not found: set JAVA_HOME (or -Jdk) to a full JDK 17 or newer"
    }
}
$Jlink = Join-Path $Jdk "bin\jlink.exe"
$Jpackage = Join-Path $Jdk "bin\jpackage.exe"

$App = "workbench-app\target"
$Out = "installer\target"
if (-not (Test-Path "$App\workbench.jar") -or -not (Test-Path "$App\lib")) {
    throw "$App\workbench.jar is missing: run 'mvn -B -DskipTests package' first (or 'mvn -Pinstaller package')"
}

# Version for jpackage/MSI: numbers only (0.1.0-SNAPSHOT -> 0.1.0).
$Version = $env:VERSION
if (-not $Version) {
    $zip = [System.IO.Compression.ZipFile]::OpenRead((Resolve-Path "$App\workbench.jar").Path)
    try {
        $entry = $zip.GetEntry("META-INF/MANIFEST.MF")
        $reader = New-Object System.IO.StreamReader($entry.Open())
        $manifest = $reader.ReadToEnd()
        $reader.Close()
    } finally { $zip.Dispose() }
    $m = [regex]::Match($manifest, "Implementation-Version:\s*(\S+)")
    $Version = if ($m.Success) { $m.Groups[1].Value } else { "0.1.0" }
}
$Version = $Version -replace "-SNAPSHOT$", ""

function Invoke-Tool([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe failed with exit code $LASTEXITCODE" }
}

# Extracts the entries of a zip/jar whose names end with $suffix (top level only) into $dest.
function Expand-Entries([string]$archive, [string]$suffix, [string]$dest) {
    $zip = [System.IO.Compression.ZipFile]::OpenRead((Resolve-Path $archive).Path)
    try {
        foreach ($e in $zip.Entries) {
            if ($e.FullName.EndsWith($suffix) -and -not $e.FullName.Contains("/")) {
                [System.IO.Compression.ZipFileExtensions]::ExtractToFile($e, (Join-Path $dest $e.Name), $true)
            }
        }
    } finally { $zip.Dispose() }
}

foreach ($d in @("$Out\input", "$Out\runtime", "$Out\workbench", "$Out\fx-modules")) {
    if (Test-Path $d) { Remove-Item -Recurse -Force $d }
}
Get-ChildItem $Out -Filter "*.msi" -ErrorAction SilentlyContinue | Remove-Item -Force
Get-ChildItem $Out -Filter "EBPM-Workbench-*-windows-x64.zip" -ErrorAction SilentlyContinue | Remove-Item -Force
New-Item -ItemType Directory -Force "$Out\input\lib", "$Out\fx-modules" | Out-Null

# 1. Application files: the jar, its libraries without JavaFX, the sample data.
Copy-Item "$App\workbench.jar" "$Out\input\"
Get-ChildItem "$App\lib" -Filter "*.jar" | Where-Object { $_.Name -notlike "javafx-*" } |
    ForEach-Object { Copy-Item $_.FullName "$Out\input\lib\" }
# DuckDB's jar holds its native library for four platforms. The driver unpacks the one it needs (about
# 60 MB) into %TEMP% at every start when the jar holds it, and otherwise loads it from the jar's own folder:
# keep the Windows library next to the jar, under the name the driver looks for, and drop all of them from
# the jar (smaller, faster, and nothing executable is written to %TEMP%, which AppLocker DLL rules may forbid).
$duck = (Get-ChildItem "$Out\input\lib" -Filter "duckdb_jdbc-*.jar" | Select-Object -First 1).FullName
$zip = [System.IO.Compression.ZipFile]::Open($duck, [System.IO.Compression.ZipArchiveMode]::Update)
try {
    $natives = @($zip.Entries | Where-Object { $_.FullName -like "libduckdb_java.so_*" })
    foreach ($e in $natives) {
        if ($e.FullName -eq "libduckdb_java.so_windows_amd64") {
            [System.IO.Compression.ZipFileExtensions]::ExtractToFile($e, (Join-Path "$Out\input\lib" $e.Name), $true)
        }
        $e.Delete()
    }
} finally { $zip.Dispose() }
if (-not (Test-Path "$Out\input\lib\libduckdb_java.so_windows_amd64")) { throw "no Windows native library in $duck" }
Copy-Item -Recurse "sample-data" "$Out\input\sample-data"

# 2. The Java runtime with JavaFX linked in from the Maven "-win" jars (modular jars); their DLLs go to
#    runtime\bin, where JavaFX looks first, so nothing is extracted to the user's profile at run time.
#    Module list and reasons: installer/build.sh, step 2.
Get-ChildItem "$App\lib" -Filter "javafx-*-win.jar" | ForEach-Object { Copy-Item $_.FullName "$Out\fx-modules\" }
if (-not (Get-ChildItem "$Out\fx-modules" -Filter "javafx-graphics-*-win.jar")) {
    throw "no javafx-graphics-*-win.jar in $App\lib: build the jar on Windows (Maven picks the JavaFX platform jars by OS)"
}
$JdkMods = "java.base,java.desktop,java.sql,java.logging,java.xml,java.naming,java.scripting,java.management,java.prefs,jdk.unsupported,jdk.charsets,jdk.localedata,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.jfr"
$FxMods = "javafx.base,javafx.graphics,javafx.controls,javafx.swing"
Invoke-Tool $Jlink @("--module-path", "$Out\fx-modules", "--add-modules", "$JdkMods,$FxMods",
    "--strip-debug", "--no-header-files", "--no-man-pages", "--include-locales=en,ja", "--generate-cds-archive",
    "--output", "$Out\runtime")
$fxGraphics = (Get-ChildItem "$Out\fx-modules" -Filter "javafx-graphics-*-win.jar" | Select-Object -First 1).FullName
Expand-Entries $fxGraphics ".dll" "$Out\runtime\bin"
foreach ($f in @("bin\keytool.exe", "bin\jrunscript.exe", "bin\server\classes_nocoops.jsa")) {
    if (Test-Path "$Out\runtime\$f") { Remove-Item -Force "$Out\runtime\$f" }
}

# 3. The app image: workbench.exe starts the GUI (no console window); workbench-cli.exe is the same program
#    with a console, for the command line (`workbench-cli --help`). d3d first, software rendering where
#    Direct3D is not usable (remote desktops, VDI).
$cliProps = Join-Path $Out "workbench-cli.properties"
Set-Content -Path $cliProps -Encoding ASCII -Value "win-console=true"
$common = @("--app-version", $Version, "--vendor", "EBPM Workbench",
    "--description", "Offline data-analysis workbench for EBPM (survey, GIS, KPI)")
Invoke-Tool $Jpackage (@("--type", "app-image", "--name", "workbench") + $common + @(
    "--runtime-image", "$Out\runtime", "--input", "$Out\input",
    "--main-jar", "workbench.jar", "--main-class", "jp.ebpm.workbench.Launcher",
    "--java-options", "-Dprism.order=d3d,sw", "--java-options", '-Dworkbench.sampleData=$APPDIR\sample-data',
    "--add-launcher", "workbench-cli=$cliProps",
    "--dest", $Out))
$Image = "$Out\workbench"

# 4. Self-test of the command line: version, a CP932 (windows-31j) CSV into a new DuckDB project, Japanese
#    text back through SQL, a KPI register from .xlsx.
if (-not $NoSelfTest) {
    $cli = Join-Path $Image "workbench-cli.exe"
    $tmp = Join-Path ([System.IO.Path]::GetTempPath()) ("wb-selftest-" + [guid]::NewGuid())
    New-Item -ItemType Directory $tmp | Out-Null
    try {
        $v = & $cli --version
        if ($LASTEXITCODE -ne 0 -or -not ("$v" -like "*EBPM Workbench*")) { throw "selftest: --version failed: $v" }
        $src = Join-Path $Repo "sample-data\gis\kawasaki-emergency-evacuation-sites-gsi.csv"
        $cp932 = Join-Path $tmp "shelters-cp932.csv"
        $text = [System.IO.File]::ReadAllText($src, [System.Text.Encoding]::UTF8)
        [System.IO.File]::WriteAllText($cp932, $text, [System.Text.Encoding]::GetEncoding(932))
        & $cli import --project "$tmp\p" --file $cp932 --encoding cp932 --name shelters | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "selftest: CP932 import failed" }
        # Read the UTF-8 output through .NET so that the console code page does not matter; the query is
        # ASCII (Java decodes command-line arguments with the ANSI code page) and the expected name is built
        # from code points (Windows PowerShell reads a script without BOM in the ANSI code page).
        $psi = New-Object System.Diagnostics.ProcessStartInfo
        $psi.FileName = $cli
        $psi.Arguments = "sql --project `"$tmp\p`" --format csv --query `"select * from shelters where NO = 37066`""
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.StandardOutputEncoding = [System.Text.Encoding]::UTF8
        $proc = [System.Diagnostics.Process]::Start($psi)
        $sqlText = $proc.StandardOutput.ReadToEnd()
        $proc.WaitForExit()
        $name = -join ([char[]](0x5BAE, 0x5D0E, 0x4E2D, 0x5B66, 0x6821))   # the school name in row NO 37066
        if ($proc.ExitCode -ne 0 -or -not $sqlText.Contains($name)) { throw "selftest: Japanese text through SQL failed: $sqlText" }
        & $cli kpi evaluate --kpis (Join-Path $Repo "sample-data\kpi\kpi-register-sample.xlsx") --format csv | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "selftest: KPI register from .xlsx failed" }
        Write-Host "selftest: version, CP932 import, Japanese SQL and .xlsx all ok"
    } finally {
        Remove-Item -Recurse -Force $tmp -ErrorAction SilentlyContinue
    }
}

# 5. Portable zip: the app image folder as it is. Unzipped anywhere the user may write (no admin rights);
#    workbench.exe starts it.
if ($TypeList -contains "zip") {
    $zipFile = Join-Path $Out "EBPM-Workbench-$Version-windows-x64.zip"
    [System.IO.Compression.ZipFile]::CreateFromDirectory((Resolve-Path $Image).Path, $zipFile,
        [System.IO.Compression.CompressionLevel]::Optimal, $true)
    Write-Host "portable zip: $zipFile"
}

# 6. MSI (WiX 3): start-menu entry and desktop shortcut, a fixed upgrade code so that a newer version replaces
#    the old one. Per machine by default (the IT department installs it, e.g. through software distribution);
#    -PerUser installs into the user's profile without administrator rights.
if ($TypeList -contains "msi") {
    if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue) -or -not (Get-Command light.exe -ErrorAction SilentlyContinue)) {
        throw "WiX Toolset 3.x (candle.exe, light.exe) is not on PATH; it is needed for the .msi (see installer/windows/README.md)"
    }
    # --name must be the app image's launcher name; the file is renamed afterwards.
    $msiArgs = @("--type", "msi", "--app-image", $Image, "--name", "workbench") + $common + @(
        "--win-menu", "--win-menu-group", "EBPM Workbench", "--win-shortcut", "--win-dir-chooser",
        "--win-upgrade-uuid", "6b1f3a52-8d0e-4c1b-9a57-2f4e0c9d7e31",
        "--dest", $Out)
    if ($PerUser) { $msiArgs += "--win-per-user-install" }
    Invoke-Tool $Jpackage $msiArgs
    $suffix = if ($PerUser) { "-per-user" } else { "" }
    $msi = Join-Path $Out "EBPM-Workbench-$Version$suffix.msi"
    Move-Item -Force (Join-Path $Out "workbench-$Version.msi") $msi
    Write-Host "msi: $msi"
}
Write-Host "built: $Image"

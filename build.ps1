#!/usr/bin/env pwsh
# Bootstrap: build build/_build.csproj only when its sources (or the src/ projects it uses) changed, then run it.
$ErrorActionPreference = 'Stop'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'build/bin/_build'
$Temp = Join-Path $Root '.nuke/temp'
$Stamp = Join-Path $Temp 'build.stamp'

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error 'build.ps1: the .NET SDK is not on PATH. Install .NET 10 (see global.json) and run ./build.ps1 again.'
    exit 2
}

function Get-SourcesChecksum {
    $patterns = '*.cs', '*.csproj', '*.props', '*.targets', '*.json', '*.proto'
    $files = @('build', 'src') | ForEach-Object { Get-ChildItem -Path (Join-Path $Root $_) -Recurse -File -Include $patterns -ErrorAction SilentlyContinue } |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    $files += @('Directory.Build.props', 'Directory.Packages.props', 'global.json') | ForEach-Object { Get-Item (Join-Path $Root $_) -ErrorAction SilentlyContinue }
    $lines = $files | Sort-Object FullName | ForEach-Object { "$([IO.Path]::GetRelativePath($Root, $_.FullName)) $((Get-FileHash $_.FullName -Algorithm SHA256).Hash)" }
    $bytes = [Text.Encoding]::UTF8.GetBytes(($lines -join "`n"))
    return [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($bytes))
}

New-Item -ItemType Directory -Force -Path $Temp | Out-Null
$current = Get-SourcesChecksum
$dll = Join-Path $Out '_build.dll'
if (-not (Test-Path $dll) -or -not (Test-Path $Stamp) -or (Get-Content $Stamp -Raw) -ne $current) {
    Write-Host 'build.ps1: compiling build/_build.csproj (sources changed)'
    $log = Join-Path $Temp 'bootstrap.log'
    & dotnet build (Join-Path $Root 'build/_build.csproj') -c Release -o $Out --nologo -clp:ErrorsOnly -v:q /nodeReuse:false /p:UseSharedCompilation=false *> $log
    if ($LASTEXITCODE -ne 0) { Get-Content $log | Write-Host; Write-Error 'build.ps1: building build/_build.csproj failed (log: .nuke/temp/bootstrap.log)'; exit 2 }
    Set-Content -Path $Stamp -Value $current -NoNewline
}

& dotnet $dll --root $Root @args
exit $LASTEXITCODE

; Inno Setup script for Mobile Athlete Desktop (Windows installer).
; Build the bundle first on Windows (`bash packaging/build.sh` or `make package`), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\mobileathlete.iss
; The installer lands in dist\installer\MobileAthlete-Setup-<version>.exe.
; Per-user install by default (no administrator needed); an administrator may choose all users.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Mobile Athlete"
#define AppExe "mobileathlete-gui.exe"

[Setup]
AppId={{6E0C3F4B-2B1D-4D7E-9C63-5A1B0D6F7E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Mobile Athlete
DefaultDirName={autopf}\Mobile Athlete
DefaultGroupName=Mobile Athlete
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=MobileAthlete-Setup-{#AppVersion}
SetupIconFile=..\..\mobileathlete_desktop\resources\icons\mobileathlete.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The clinic's data lives in the user data folder, never in {app}: uninstalling keeps it.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\mobileathlete\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Mobile Athlete"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall Mobile Athlete"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Mobile Athlete"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,Mobile Athlete}"; Flags: nowait postinstall skipifsilent

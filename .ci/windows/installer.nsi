; Kinerja installer for Windows 10 and 11, built by .ci/windows.mk with makensis.
;
; Per-user install that needs no administrator rights:
;   program   %LOCALAPPDATA%\Programs\Kinerja (Kinerja.exe, kinerja-cli.exe, BACA-SAYA.txt)
;   shortcuts Start menu and desktop, for the current user only
;   data      %APPDATA%\Kinerja — written by the app, never touched here, kept by the uninstaller
; The installer itself is 32-bit so that it runs on every PC; it copies the 64-bit
; program on 64-bit Windows and the 32-bit one otherwise.
;
; Defines passed by windows.mk:
;   VERSION  e.g. 0.1.0      DIST   folder with Kinerja.exe, kinerja-cli.exe and x86\
;   ICON     Kinerja.ico     OUTFILE the installer to write
;   README   BACA-SAYA.txt (CRLF)
;   CHECK64  (wine check only) build the same installer on NSIS's 64-bit stub, for a wine
;            without 32-bit support; never shipped, since it cannot run on 32-bit Windows

!ifdef CHECK64
  Target amd64-unicode
!else
  Unicode true
!endif
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"

!define APPNAME "Kinerja"
!define APPID "id.kinerja.desktop"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Pemasang ${APPNAME}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${APPNAME}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\Kinerja.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

LangString RUNNING ${LANG_INDONESIAN} "Kinerja sedang terbuka. Tutup Kinerja dulu, lalu klik OK."
LangString RUNNING ${LANG_ENGLISH} "Kinerja is running. Close it first, then click OK."
LangString KEEPDATA ${LANG_INDONESIAN} "Data Kinerja di $APPDATA\Kinerja tidak dihapus."
LangString KEEPDATA ${LANG_ENGLISH} "Kinerja's data in $APPDATA\Kinerja is kept."

Function .onInit
  SetShellVarContext current
  ; the installer's language is Indonesian whatever the Windows display language
  StrCpy $LANGUAGE ${LANG_INDONESIAN}
FunctionEnd

Function un.onInit
  SetShellVarContext current
  StrCpy $LANGUAGE ${LANG_INDONESIAN}
FunctionEnd

Section "Kinerja" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"

  ; a running Kinerja.exe cannot be overwritten: ask until it is closed
  retry:
  ClearErrors
  ${If} ${FileExists} "$INSTDIR\Kinerja.exe"
    FileOpen $0 "$INSTDIR\Kinerja.exe" a
    ${If} ${Errors}
      MessageBox MB_OKCANCEL|MB_ICONEXCLAMATION "$(RUNNING)" /SD IDCANCEL IDOK retry
      Abort
    ${EndIf}
    FileClose $0
  ${EndIf}

  ${If} ${RunningX64}
    File "${DIST}\Kinerja.exe"
    File "${DIST}\kinerja-cli.exe"
  ${Else}
    File "${DIST}\x86\Kinerja.exe"
    File "${DIST}\x86\kinerja-cli.exe"
  ${EndIf}
  File "/oname=BACA-SAYA.txt" "${README}"

  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\Kinerja.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\Kinerja.exe"

  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\Kinerja.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\Kinerja.exe"
  Delete "$INSTDIR\kinerja-cli.exe"
  Delete "$INSTDIR\BACA-SAYA.txt"
  Delete "$INSTDIR\Uninstall.exe"
  ; only an emptied folder is removed: files the user put there stay
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"

  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  DeleteRegKey HKCU "${UNINSTKEY}"
  DetailPrint "$(KEEPDATA)"
SectionEnd

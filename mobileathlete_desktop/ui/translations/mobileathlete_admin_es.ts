<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AuditTableModel</name>
    <message>
        <source>When (local time)</source>
        <translation>Cuándo (hora local)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit trail — Mobile Athlete</source>
        <translation>Registro de auditoría — Mobile Athlete</translation>
    </message>
    <message>
        <source>Chart number</source>
        <translation>N.º de historia</translation>
    </message>
    <message>
        <source>Filter by chart number</source>
        <translation>Filtrar por n.º de historia</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Filter by user</source>
        <translation>Filtrar por usuario</translation>
    </message>
    <message>
        <source>Action, e.g. signin</source>
        <translation>Acción, p. ej. signin</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Filtrar por acción</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Eventos de auditoría</translation>
    </message>
    <message>
        <source>Audit status</source>
        <translation>Estado de la auditoría</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>{count} events, newest first, in local time (the newest {limit}; narrow the filter)</source>
        <translation>{count} eventos, los más recientes primero, en hora local (solo los {limit} más recientes; acote el filtro)</translation>
    </message>
    <message>
        <source>1 event, newest first, in local time</source>
        <translation>1 evento, los más recientes primero, en hora local</translation>
    </message>
    <message>
        <source>{count} events, newest first, in local time</source>
        <translation>{count} eventos, los más recientes primero, en hora local</translation>
    </message>
    <message>
        <source>Cannot load the audit trail: {problem}</source>
        <translation>No se puede cargar el registro de auditoría: {problem}</translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation>Exportar registro de auditoría</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Not exported: {problem}</source>
        <translation>No exportado: {problem}</translation>
    </message>
    <message>
        <source>Exported 1 event to {path}</source>
        <translation>Exportado 1 evento a {path}</translation>
    </message>
    <message>
        <source>Exported {count} events to {path}</source>
        <translation>Exportados {count} eventos a {path}</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Taken</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Semanal</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Antes de una actualización</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>ddd d MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>Backups — Mobile Athlete</source>
        <translation>Copias de seguridad — Mobile Athlete</translation>
    </message>
    <message>
        <source>This clinic is on a database server: back it up on the server.</source>
        <translation>Esta clínica está en un servidor de bases de datos: haga la copia de seguridad en el servidor.</translation>
    </message>
    <message>
        <source>&amp;Backups, newest first ({count})</source>
        <translation>Copias de &amp;seguridad, la más reciente primero ({count})</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Type or choose a folder</source>
        <translation>Escriba o elija una carpeta</translation>
    </message>
    <message>
        <source>Backups now go to {folder}.</source>
        <translation>Las copias de seguridad se guardan ahora en {folder}.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Backup written and checked: {path}</source>
        <translation>Copia de seguridad escrita y comprobada: {path}</translation>
    </message>
    <message>
        <source>Backup stopped; nothing was kept.</source>
        <translation>Copia de seguridad detenida; no se ha guardado nada.</translation>
    </message>
    <message>
        <source>The backup was not made: {error}. Nothing half-written was kept; free some space or choose another folder.</source>
        <translation>No se ha hecho la copia de seguridad: {error}. No se ha guardado nada a medias; libere espacio o elija otra carpeta.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Mobile Athlete backups (*.sqlite3);;All (*)</source>
        <translation>Copias de seguridad de Mobile Athlete (*.sqlite3);;Todos (*)</translation>
    </message>
    <message>
        <source>Choose a backup in the list first</source>
        <translation>Elija primero una copia de seguridad de la lista</translation>
    </message>
    <message>
        <source>Cannot read {path}: {problem}</source>
        <translation>No se puede leer {path}: {problem}</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>Comprobando {name}…</translation>
    </message>
    <message>
        <source>{problem}. Nothing was changed.</source>
        <translation>{problem}. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Restore a backup — Mobile Athlete</source>
        <translation>Restaurar una copia de seguridad — Mobile Athlete</translation>
    </message>
    <message>
        <source>Restore the backup taken {when}?</source>
        <translation>¿Restaurar la copia de seguridad hecha el {when}?</translation>
    </message>
    <message>
        <source>The clinic&apos;s data goes back to how it was then: anything saved after {when} is not in it.

The current clinic file is kept aside, untouched (named …before-restore-…), beside it.

Mobile Athlete closes when the restore is done; start it again and sign in.

{path}</source>
        <translation>Los datos de la clínica vuelven a como estaban entonces: lo guardado después del {when} no está en ella.

El archivo actual de la clínica se conserva intacto al lado (con el nombre …before-restore-…).

Mobile Athlete se cierra al terminar la restauración; vuelva a abrirlo e inicie sesión.

{path}</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>&amp;Restaurar esta copia</translation>
    </message>
    <message>
        <source>&amp;Keep the current data</source>
        <translation>&amp;Conservar los datos actuales</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>No se ha restaurado nada.</translation>
    </message>
    <message>
        <source>Restoring the backup of {when}…</source>
        <translation>Restaurando la copia de seguridad del {when}…</translation>
    </message>
    <message>
        <source>The restore failed: {error}. The clinic&apos;s data was left as it was.</source>
        <translation>La restauración ha fallado: {error}. Los datos de la clínica siguen como estaban.</translation>
    </message>
    <message>
        <source>The replaced file was kept as {path}.</source>
        <translation>El archivo sustituido se ha conservado como {path}.</translation>
    </message>
    <message>
        <source>Restored the backup of {when}.</source>
        <translation>Restaurada la copia de seguridad del {when}.</translation>
    </message>
    <message>
        <source>Backup restored — Mobile Athlete</source>
        <translation>Copia de seguridad restaurada — Mobile Athlete</translation>
    </message>
    <message>
        <source>The clinic&apos;s data is now the backup of {when}.</source>
        <translation>Los datos de la clínica son ahora la copia de seguridad del {when}.</translation>
    </message>
    <message>
        <source>Mobile Athlete closes now, so that nothing on screen comes from the replaced file. Start it again and sign in.</source>
        <translation>Mobile Athlete se cierra ahora para que nada de lo que hay en pantalla venga del archivo sustituido. Vuelva a abrirlo e inicie sesión.</translation>
    </message>
</context>
<context>
    <name>BackupsForm</name>
    <message>
        <source>Mobile Athlete backs the clinic up by itself once a day (14 daily and 8 weekly copies kept) and before an update. Another disk is the safest folder.</source>
        <translation>Mobile Athlete hace por sí solo una copia de seguridad de la clínica una vez al día (conserva 14 diarias y 8 semanales) y antes de cada actualización. La carpeta más segura está en otro disco.</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Carpeta</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Use this folder</source>
        <translation>&amp;Usar esta carpeta</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>Copia de seguridad a&amp;hora</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>&amp;Backups, newest first</source>
        <translation>Copias de &amp;seguridad, la más reciente primero</translation>
    </message>
    <message>
        <source>Backups on hand</source>
        <translation>Copias de seguridad disponibles</translation>
    </message>
    <message>
        <source>Put the chosen backup in place of the clinic&apos;s data</source>
        <translation>Poner la copia elegida en lugar de los datos de la clínica</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <source>Restore from a f&amp;ile…</source>
        <translation>Restaurar desde un arch&amp;ivo…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>ClinicDetailsDialog</name>
    <message>
        <source>Clinic details — Mobile Athlete</source>
        <translation>Datos de la clínica — Mobile Athlete</translation>
    </message>
    <message>
        <source>Printed at the top of every report and handout. The paper size sets the page of every document the clinic prints.</source>
        <translation>Se imprimen en el encabezado de cada informe y de cada hoja de ejercicios. El tamaño de papel fija la página de todos los documentos que imprime la clínica.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Pre&amp;view letterhead…</source>
        <translation>&amp;Vista previa del encabezado…</translation>
    </message>
    <message>
        <source>Reading the clinic&apos;s details…</source>
        <translation>Leyendo los datos de la clínica…</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Street, town, postcode (up to 5 lines)</source>
        <translation>Calle, ciudad, código postal (hasta 5 líneas)</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>Carta (8.5 × 11 pulg.)</translation>
    </message>
    <message>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Nombre de la clínica:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>C&amp;orreo electrónico:</translation>
    </message>
    <message>
        <source>Paper si&amp;ze:</source>
        <translation>Tamaño de &amp;papel:</translation>
    </message>
    <message>
        <source>Logo preview</source>
        <translation>Vista previa del logotipo</translation>
    </message>
    <message>
        <source>Logo (PNG or JPEG, at most 1 MB)</source>
        <translation>Logotipo (PNG o JPEG, 1 MB como máximo)</translation>
    </message>
    <message>
        <source>&amp;Choose logo…</source>
        <translation>&amp;Elegir logotipo…</translation>
    </message>
    <message>
        <source>&amp;Remove logo</source>
        <translation>&amp;Quitar logotipo</translation>
    </message>
    <message>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} píxeles</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <source>Reports show the clinic&apos;s name alone.</source>
        <translation>Los informes muestran solo el nombre de la clínica.</translation>
    </message>
    <message>
        <source>Only an administrator can change the clinic&apos;s details.</source>
        <translation>Solo un administrador puede cambiar los datos de la clínica.</translation>
    </message>
    <message>
        <source>Choose the clinic&apos;s logo</source>
        <translation>Elegir el logotipo de la clínica</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Leyendo {file}…</translation>
    </message>
    <message>
        <source>The new logo is kept when you save.</source>
        <translation>El nuevo logotipo se conserva al guardar.</translation>
    </message>
    <message>
        <source>The logo is removed when you save.</source>
        <translation>El logotipo se quita al guardar.</translation>
    </message>
    <message>
        <source>Drawing the letterhead…</source>
        <translation>Dibujando el encabezado…</translation>
    </message>
    <message>
        <source>Type the clinic&apos;s name.</source>
        <translation>Escriba el nombre de la clínica.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from CSV</source>
        <translation>Importar desde CSV</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>Importar CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Options changed: Preview again before importing.</source>
        <translation>Las opciones han cambiado: pulse de nuevo Vista previa antes de importar.</translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation>No existe el archivo: {path}</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Comprobando el archivo…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>{summary} (nothing new in this file)</source>
        <translation>{summary} (nada nuevo en este archivo)</translation>
    </message>
    <message>
        <source>1 problem in {source}: nothing was imported. Fix the file and Preview again.</source>
        <translation>1 problema en {source}: no se ha importado nada. Corrija el archivo y pulse de nuevo Vista previa.</translation>
    </message>
    <message>
        <source>{count} problems in {source}: nothing was imported. Fix the file and Preview again.</source>
        <translation>{count} problemas en {source}: no se ha importado nada. Corrija el archivo y pulse de nuevo Vista previa.</translation>
    </message>
</context>
<context>
    <name>ImportForm</name>
    <message>
        <source>I&amp;mport</source>
        <translation>I&amp;mportar</translation>
    </message>
    <message>
        <source>What to import</source>
        <translation>Qué importar</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Measurements (long format)</source>
        <translation>Mediciones (formato largo)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Archivo CSV</translation>
    </message>
    <message>
        <source>A .csv file</source>
        <translation>Un archivo .csv</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Ele&amp;gir…</translation>
    </message>
    <message>
        <source>Text &amp;encoding</source>
        <translation>Codificación del &amp;texto</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>Codificación del texto</translation>
    </message>
    <message>
        <source>UTF-8 (recommended)</source>
        <translation>UTF-8 (recomendada)</translation>
    </message>
    <message>
        <source>Latin-1 / Windows</source>
        <translation>Latin-1 / Windows</translation>
    </message>
    <message>
        <source>&amp;Update clients already in the clinic</source>
        <translation>Act&amp;ualizar los clientes que ya están en la clínica</translation>
    </message>
    <message>
        <source>&amp;Create clients for unknown chart numbers</source>
        <translation>&amp;Crear clientes para los n.º de historia desconocidos</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Import status</source>
        <translation>Estado de la importación</translation>
    </message>
    <message>
        <source>Choose a file, then Preview to see what would change.</source>
        <translation>Elija un archivo y pulse Vista previa para ver qué cambiaría.</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
</context>
<context>
    <name>LetterheadPreview</name>
    <message>
        <source>Letterhead preview — Mobile Athlete</source>
        <translation>Vista previa del encabezado — Mobile Athlete</translation>
    </message>
    <message>
        <source>The letterhead as it will print</source>
        <translation>El encabezado tal como se imprimirá</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>Add a user — Mobile Athlete</source>
        <translation>Añadir un usuario — Mobile Athlete</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Añadir usuario</translation>
    </message>
    <message>
        <source>{minimum} Tell it to them in person; they sign in with it.</source>
        <translation>{minimum} Comuníquesela en persona; con ella inicia sesión.</translation>
    </message>
    <message>
        <source>Type a user name (letters, digits, . _ -)</source>
        <translation>Escriba un nombre de usuario (letras, cifras, . _ -)</translation>
    </message>
</context>
<context>
    <name>NewUserForm</name>
    <message>
        <source>&amp;User name</source>
        <translation>Nombre de &amp;usuario</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Nombre &amp;completo</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>as shown on screen and in print, e.g. Ana Ruiz, PT</source>
        <translation>como aparece en pantalla y en papel, p. ej. Ana Ruiz, fisioterapeuta</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Therapist (records, signs, builds programs)</source>
        <translation>Fisioterapeuta (registra, firma, crea programas)</translation>
    </message>
    <message>
        <source>Admin (users, backups, reports, audit trail)</source>
        <translation>Administrador/a (usuarios, copias de seguridad, informes, auditoría)</translation>
    </message>
    <message>
        <source>&amp;Temporary password</source>
        <translation>Contraseña &amp;temporal</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Contraseña temporal</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>Repetir contra&amp;seña</translation>
    </message>
    <message>
        <source>Temporary password again</source>
        <translation>Repetir la contraseña temporal</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password — Mobile Athlete</source>
        <translation>Cambiar mi contraseña — Mobile Athlete</translation>
    </message>
    <message>
        <source>Your own password: type the current one first.</source>
        <translation>Su propia contraseña: escriba primero la actual.</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>Reset the password of {username} — Mobile Athlete</source>
        <translation>Restablecer la contraseña de {username} — Mobile Athlete</translation>
    </message>
    <message>
        <source>A new temporary password for &lt;b&gt;{name}&lt;/b&gt; ({role}). It also lifts a lock-out. Tell it to them in person.</source>
        <translation>Una nueva contraseña temporal para &lt;b&gt;{name}&lt;/b&gt; ({role}). También quita un bloqueo. Comuníquesela en persona.</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>Poner la nueva contraseña</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <source>&amp;Current password</source>
        <translation>Contraseña &amp;actual</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>Repetir contra&amp;seña</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Repetir la nueva contraseña</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>{title} — {problem}</source>
        <translation>{title} — {problem}</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>{cell} computed from its inputs</source>
        <translation>{cell} calculado a partir de sus datos</translation>
    </message>
    <message>
        <source>{cell} recomputed from its inputs</source>
        <translation>{cell} recalculado a partir de sus datos</translation>
    </message>
    <message>
        <source>{cell} disagrees with its inputs, recomputed</source>
        <translation>{cell} no concuerda con sus datos; se recalcula</translation>
    </message>
    <message>
        <source>new client</source>
        <translation>cliente nuevo</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>(cleared: inputs incomplete)</source>
        <translation>(se borra: datos incompletos)</translation>
    </message>
    <message>
        <source>{value} in the file</source>
        <translation>{value} en el archivo</translation>
    </message>
    <message>
        <source>(no rating)</source>
        <translation>(sin calificación)</translation>
    </message>
    <message>
        <source> (pain)</source>
        <translation> (dolor)</translation>
    </message>
    <message>
        <source> faults </source>
        <translation> fallos </translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
</context>
<context>
    <name>PrintSupport</name>
    <message>
        <source>{name} cannot be read as a PDF: {problem}</source>
        <translation>{name} no se puede leer como PDF: {problem}</translation>
    </message>
    <message>
        <source>PDFium drew page {number} as {mode} pixels</source>
        <translation>PDFium dibujó la página {number} con píxeles {mode}</translation>
    </message>
    <message>
        <source>The printer {name} could not be started</source>
        <translation>No se pudo poner en marcha la impresora {name}</translation>
    </message>
    <message>
        <source>The printer stopped accepting pages</source>
        <translation>La impresora dejó de aceptar páginas</translation>
    </message>
    <message>
        <source>Page {number} could not be drawn</source>
        <translation>No se pudo dibujar la página {number}</translation>
    </message>
    <message>
        <source>The document has no pages</source>
        <translation>El documento no tiene páginas</translation>
    </message>
    <message>
        <source>The page range is outside the document&apos;s {count} pages</source>
        <translation>El intervalo de páginas queda fuera de las {count} páginas del documento</translation>
    </message>
    <message>
        <source>Cannot write {path}: {problem}</source>
        <translation>No se puede escribir {path}: {problem}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Not printed.</source>
        <translation>No se ha impreso.</translation>
    </message>
    <message>
        <source>⚠ Not printed: {problem}</source>
        <translation>⚠ No se ha impreso: {problem}</translation>
    </message>
    <message>
        <source>Printed 1 page{what}.</source>
        <translation>Impresa 1 página{what}.</translation>
    </message>
    <message>
        <source>Printed {count} pages{what}.</source>
        <translation>Impresas {count} páginas{what}.</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>La carpeta {folder} no existe.</translation>
    </message>
    <message>
        <source>Files cannot be written in {folder}: {problem}.</source>
        <translation>No se pueden escribir archivos en {folder}: {problem}.</translation>
    </message>
</context>
<context>
    <name>ReportsForm</name>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Seen &amp;from</source>
        <translation>Atendidos &amp;desde</translation>
    </message>
    <message>
        <source>Seen from</source>
        <translation>Atendidos desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Seen to</source>
        <translation>Atendidos hasta</translation>
    </message>
    <message>
        <source>&amp;List clients seen</source>
        <translation>&amp;Listar clientes atendidos</translation>
    </message>
    <message>
        <source>Find clients for the report</source>
        <translation>Buscar clientes para el informe</translation>
    </message>
    <message>
        <source>…or find a client: name, chart number, birth date</source>
        <translation>…o busque un cliente: nombre, n.º de historia, fecha de nacimiento</translation>
    </message>
    <message>
        <source>Clients in the report (space ticks or unticks)</source>
        <translation>Clientes del informe (la barra espaciadora marca o desmarca)</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Marcar &amp;todos</translation>
    </message>
    <message>
        <source>&amp;Untick all</source>
        <translation>Desmarcar t&amp;odos</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Report &amp;type</source>
        <translation>Ti&amp;po de informe</translation>
    </message>
    <message>
        <source>Report type</source>
        <translation>Tipo de informe</translation>
    </message>
    <message>
        <source>Progress summary (2 pages)</source>
        <translation>Resumen de evolución (2 páginas)</translation>
    </message>
    <message>
        <source>Referral letter (1 page)</source>
        <translation>Carta de contrarreferencia (1 página)</translation>
    </message>
    <message>
        <source>Full &amp;record</source>
        <translation>&amp;Registro completo</translation>
    </message>
    <message>
        <source>Instead of the two-page summary: every value of every visit in tables, and every chart</source>
        <translation>En lugar del resumen de dos páginas: todos los valores de cada consulta en tablas, y todos los gráficos</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Idio&amp;ma</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Idioma del informe</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>&amp;One PDF with every report</source>
        <translation>&amp;Un PDF con todos los informes</translation>
    </message>
    <message>
        <source>One PDF per client, into a fol&amp;der</source>
        <translation>Un PDF por cliente, en una &amp;carpeta</translation>
    </message>
    <message>
        <source>Report progress</source>
        <translation>Progreso de los informes</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>Estado de los informes</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Guardar PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Client reports</source>
        <translation>Informes de clientes</translation>
    </message>
    <message>
        <source>First date</source>
        <translation>Primera fecha</translation>
    </message>
    <message>
        <source>Second date</source>
        <translation>Segunda fecha</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>⚠ Give both dates (YYYY-MM-DD, or Alt+↓ for a calendar).</source>
        <translation>⚠ Indique las dos fechas (AAAA-MM-DD, o Alt+↓ para un calendario).</translation>
    </message>
    <message>
        <source>⚠ The second date is before the first.</source>
        <translation>⚠ La segunda fecha es anterior a la primera.</translation>
    </message>
    <message>
        <source>Looking for the clients seen…</source>
        <translation>Buscando los clientes atendidos…</translation>
    </message>
    <message>
        <source>No client was assessed {first}.</source>
        <translation>Ningún cliente fue evaluado el {first}.</translation>
    </message>
    <message>
        <source>No client was assessed {first} to {last}.</source>
        <translation>Ningún cliente fue evaluado del {first} al {last}.</translation>
    </message>
    <message>
        <source>1 client seen {first}.</source>
        <translation>1 cliente atendido el {first}.</translation>
    </message>
    <message>
        <source>1 client seen {first} to {last}.</source>
        <translation>1 cliente atendido del {first} al {last}.</translation>
    </message>
    <message>
        <source>{count} clients seen {first}.</source>
        <translation>{count} clientes atendidos el {first}.</translation>
    </message>
    <message>
        <source>{count} clients seen {first} to {last}.</source>
        <translation>{count} clientes atendidos del {first} al {last}.</translation>
    </message>
    <message>
        <source>No client matches “{text}”.</source>
        <translation>Ningún cliente coincide con «{text}».</translation>
    </message>
    <message>
        <source>1 client ticked</source>
        <translation>1 cliente marcado</translation>
    </message>
    <message>
        <source>{count} clients ticked</source>
        <translation>{count} clientes marcados</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Cancelled; 1 file kept.</source>
        <translation>Cancelado; se conserva 1 archivo.</translation>
    </message>
    <message>
        <source>Cancelled; {count} files kept.</source>
        <translation>Cancelado; se conservan {count} archivos.</translation>
    </message>
    <message>
        <source>⚠ Reports not written: {problem}</source>
        <translation>⚠ No se han escrito los informes: {problem}</translation>
    </message>
    <message>
        <source>%v of {count} reports</source>
        <translation>%v de {count} informes</translation>
    </message>
    <message>
        <source>Writing 1 report…</source>
        <translation>Escribiendo 1 informe…</translation>
    </message>
    <message>
        <source>Writing {count} reports…</source>
        <translation>Escribiendo {count} informes…</translation>
    </message>
    <message>
        <source>Cancelling after the current report…</source>
        <translation>Cancelando después del informe en curso…</translation>
    </message>
    <message>
        <source>Folder for the reports</source>
        <translation>Carpeta para los informes</translation>
    </message>
    <message>
        <source>Save reports as PDF</source>
        <translation>Guardar los informes como PDF</translation>
    </message>
    <message>
        <source>{count} files in {folder}</source>
        <translation>{count} archivos en {folder}</translation>
    </message>
    <message>
        <source>Saved 1 report: {where}</source>
        <translation>Guardado 1 informe: {where}</translation>
    </message>
    <message>
        <source>Saved {count} reports: {where}</source>
        <translation>Guardados {count} informes: {where}</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>Vista previa del informe</translation>
    </message>
    <message>
        <source>Preview shown.</source>
        <translation>Vista previa abierta.</translation>
    </message>
    <message>
        <source>Print reports</source>
        <translation>Imprimir informes</translation>
    </message>
</context>
<context>
    <name>UserListModel</name>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No (cannot sign in)</source>
        <translation>No (no puede iniciar sesión)</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>At least {count} characters for an admin.</source>
        <translation>Al menos {count} caracteres para un administrador/a.</translation>
    </message>
    <message>
        <source>At least {count} characters for a therapist.</source>
        <translation>Al menos {count} caracteres para un fisioterapeuta.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users — Mobile Athlete</source>
        <translation>Usuarios — Mobile Athlete</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>R&amp;eactivate</source>
        <translation>R&amp;eactivar</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account</source>
        <translation>No puede desactivar su propia cuenta</translation>
    </message>
    <message>
        <source>An inactive user cannot sign in</source>
        <translation>Un usuario inactivo no puede iniciar sesión</translation>
    </message>
    <message>
        <source>Change &amp;my password…</source>
        <translation>Cambiar &amp;mi contraseña…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer contraseña…</translation>
    </message>
    <message>
        <source>Added {username} ({role}). They sign in with the password you set.</source>
        <translation>Se ha añadido {username} ({role}). Iniciará sesión con la contraseña que usted ha puesto.</translation>
    </message>
    <message>
        <source>{username} can sign in again.</source>
        <translation>{username} puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>{username} can no longer sign in; their records and work stay.</source>
        <translation>{username} ya no puede iniciar sesión; sus registros y su trabajo se conservan.</translation>
    </message>
    <message>
        <source>Your password is changed; use it from the next sign-in.</source>
        <translation>Su contraseña ha cambiado; úsela a partir del próximo inicio de sesión.</translation>
    </message>
    <message>
        <source>{username} has a new password (and is not locked).</source>
        <translation>{username} tiene una nueva contraseña (y no está bloqueado).</translation>
    </message>
    <message>
        <source>{username} is unlocked and can sign in now.</source>
        <translation>{username} está desbloqueado y ya puede iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>UsersForm</name>
    <message>
        <source>&amp;Users (↑ ↓ to choose)</source>
        <translation>&amp;Usuarios (↑ ↓ para elegir)</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Añadir usuario…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer contraseña…</translation>
    </message>
    <message>
        <source>U&amp;nlock</source>
        <translation>Des&amp;bloquear</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>_PasswordForm</name>
    <message>
        <source>The two passwords differ</source>
        <translation>Las dos contraseñas no coinciden</translation>
    </message>
</context>
</TS>

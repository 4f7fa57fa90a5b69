<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>windows and widgets</source>
        <translation>ventanas y controles</translation>
    </message>
    <message>
        <source>GNU LGPL v3. The Qt libraries are separate, replaceable files inside the program folder; their source is available from the Qt Company.</source>
        <translation>GNU LGPL v3. Las bibliotecas de Qt son archivos aparte y sustituibles dentro de la carpeta del programa; su código fuente está disponible en The Qt Company.</translation>
    </message>
    <message>
        <source>the language runtime</source>
        <translation>el intérprete del lenguaje</translation>
    </message>
    <message>
        <source>database access</source>
        <translation>acceso a la base de datos</translation>
    </message>
    <message>
        <source>database upgrades</source>
        <translation>actualizaciones de la base de datos</translation>
    </message>
    <message>
        <source>charts</source>
        <translation>gráficas</translation>
    </message>
    <message>
        <source>PDF reports and handouts</source>
        <translation>informes y hojas de ejercicios en PDF</translation>
    </message>
    <message>
        <source>password hashing</source>
        <translation>cifrado de contraseñas (hash)</translation>
    </message>
    <message>
        <source>where data is stored</source>
        <translation>dónde se guardan los datos</translation>
    </message>
    <message>
        <source>text in charts (shipped with matplotlib)</source>
        <translation>texto de las gráficas (incluidas con matplotlib)</translation>
    </message>
    <message>
        <source>Bitstream Vera and DejaVu font licence (free to use and redistribute)</source>
        <translation>Licencia de las fuentes Bitstream Vera y DejaVu (uso y redistribución libres)</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Library&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Used for&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Licence&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Biblioteca&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Se usa para&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Licencia&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Mobility assessment, interpretation and home programs for sports physical therapists.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Evaluación de la movilidad, interpretación y programas de ejercicios en casa para fisioterapeutas deportivos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Database:&lt;/b&gt; {place}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Base de datos:&lt;/b&gt; {place}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Bundled software&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Software incluido&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>About Mobile Athlete</source>
        <translation>Acerca de Mobile Athlete</translation>
    </message>
    <message>
        <source>Mobile Athlete keeps clinic data on this computer or your clinic server.</source>
        <translation>Mobile Athlete guarda los datos de la clínica en esta computadora o en el servidor de su clínica.</translation>
    </message>
</context>
<context>
    <name>AssessmentEditorForm</name>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Show &amp;last visit</source>
        <translation>Ver la ú&amp;ltima visita</translation>
    </message>
    <message>
        <source>Show last visit</source>
        <translation>Ver la última visita</translation>
    </message>
    <message>
        <source>Si&amp;gn…</source>
        <translation>&amp;Firmar…</translation>
    </message>
    <message>
        <source>Sign assessment</source>
        <translation>Firmar la evaluación</translation>
    </message>
    <message>
        <source>A&amp;ddendum…</source>
        <translation>A&amp;denda…</translation>
    </message>
    <message>
        <source>Add an addendum</source>
        <translation>Añadir una adenda</translation>
    </message>
    <message>
        <source>Assessment status</source>
        <translation>Estado de la evaluación</translation>
    </message>
    <message>
        <source>Assessment sections</source>
        <translation>Secciones de la evaluación</translation>
    </message>
    <message>
        <source>&amp;Range of motion</source>
        <translation>&amp;Rango de movimiento</translation>
    </message>
    <message>
        <source>Lunge &amp;&amp; &amp;balance</source>
        <translation>Zancada &amp;&amp; &amp;equilibrio</translation>
    </message>
    <message>
        <source>&amp;Motor control</source>
        <translation>Control &amp;motor</translation>
    </message>
    <message>
        <source>Movement &amp;screen</source>
        <translation>&amp;Cribado de movimiento</translation>
    </message>
    <message>
        <source>&amp;Outcomes &amp;&amp; notes</source>
        <translation>Escalas &amp;&amp; n&amp;otas</translation>
    </message>
    <message>
        <source>Keyboard hint</source>
        <translation>Ayuda de teclado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>CalendarPopup</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+↓)</source>
        <translation>Elegir en un calendario (Alt+↓)</translation>
    </message>
    <message>
        <source>{what}: calendar (Enter chooses, Escape closes)</source>
        <translation>{what}: calendario (Intro elige, Esc cierra)</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>Edit {name}</source>
        <translation>Editar a {name}</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <source>Identity and contact</source>
        <translation>Identidad y contacto</translation>
    </message>
    <message>
        <source>C&amp;hart number:</source>
        <translation>N.º de &amp;historia:</translation>
    </message>
    <message>
        <source>Chart number</source>
        <translation>N.º de historia</translation>
    </message>
    <message>
        <source>e.g. MA-0042</source>
        <translation>p. ej., MA-0042</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Apellidos:</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>&amp;Sexo:</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>no consta</translation>
    </message>
    <message>
        <source>female</source>
        <translation>mujer</translation>
    </message>
    <message>
        <source>male</source>
        <translation>hombre</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>Pho&amp;ne:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>Corr&amp;eo electrónico:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Running profile and history</source>
        <translation>Perfil de corredor y antecedentes</translation>
    </message>
    <message>
        <source>Dominant &amp;leg:</source>
        <translation>&amp;Pierna dominante:</translation>
    </message>
    <message>
        <source>Dominant leg</source>
        <translation>Pierna dominante</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierda</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecha</translation>
    </message>
    <message>
        <source>&amp;Weekly distance (km):</source>
        <translation>Distancia se&amp;manal (km):</translation>
    </message>
    <message>
        <source>Weekly distance (km)</source>
        <translation>Distancia semanal (km)</translation>
    </message>
    <message>
        <source>e.g. 40</source>
        <translation>p. ej., 40</translation>
    </message>
    <message>
        <source>&amp;Years running:</source>
        <translation>Años &amp;corriendo:</translation>
    </message>
    <message>
        <source>Years running</source>
        <translation>Años corriendo</translation>
    </message>
    <message>
        <source>e.g. 6</source>
        <translation>p. ej., 6</translation>
    </message>
    <message>
        <source>G&amp;oal event:</source>
        <translation>Prueba &amp;objetivo:</translation>
    </message>
    <message>
        <source>Goal event</source>
        <translation>Prueba objetivo</translation>
    </message>
    <message>
        <source>e.g. Marathon, October</source>
        <translation>p. ej., maratón, octubre</translation>
    </message>
    <message>
        <source>Foo&amp;twear:</source>
        <translation>Cal&amp;zado:</translation>
    </message>
    <message>
        <source>Footwear</source>
        <translation>Calzado</translation>
    </message>
    <message>
        <source>Current &amp;complaint:</source>
        <translation>Mot&amp;ivo de consulta:</translation>
    </message>
    <message>
        <source>Current complaint</source>
        <translation>Motivo de consulta</translation>
    </message>
    <message>
        <source>&amp;Injury history:</source>
        <translation>Antecedentes de &amp;lesiones:</translation>
    </message>
    <message>
        <source>Injury history</source>
        <translation>Antecedentes de lesiones</translation>
    </message>
    <message>
        <source>&amp;Presenting complaint:</source>
        <translation>Cuad&amp;ro clínico:</translation>
    </message>
    <message>
        <source>The complaint, coded: it steers the home program (drills held back or proposed for it). Describe it in your own words below.</source>
        <translation>El motivo de consulta, codificado: orienta el programa en casa (ejercicios que se retienen o se proponen para él). Descríbalo con sus propias palabras abajo.</translation>
    </message>
    <message>
        <source>Presenting complaint</source>
        <translation>Cuadro clínico</translation>
    </message>
    <message>
        <source>not coded</source>
        <translation>sin codificar</translation>
    </message>
    <message>
        <source>Achilles tendon, mid-portion</source>
        <translation>Tendón de Aquiles, porción media</translation>
    </message>
    <message>
        <source>Achilles tendon, insertional</source>
        <translation>Tendón de Aquiles, inserción</translation>
    </message>
    <message>
        <source>Plantar heel pain</source>
        <translation>Dolor plantar del talón</translation>
    </message>
    <message>
        <source>Patellofemoral pain</source>
        <translation>Dolor patelofemoral</translation>
    </message>
    <message>
        <source>Lateral hip pain (gluteal tendinopathy)</source>
        <translation>Dolor lateral de cadera (tendinopatía glútea)</translation>
    </message>
    <message>
        <source>Iliotibial band syndrome</source>
        <translation>Síndrome de la cintilla iliotibial</translation>
    </message>
    <message>
        <source>Shin pain (medial tibial stress)</source>
        <translation>Dolor en la tibia (estrés tibial medial)</translation>
    </message>
    <message>
        <source>Proximal hamstring pain</source>
        <translation>Dolor proximal de isquiotibiales</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (archivado)</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Fisioterapeuta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Initial</source>
        <translation>Inicial</translation>
    </message>
    <message>
        <source>Reassessment</source>
        <translation>Reevaluación</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Cribado</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Adenda</translation>
    </message>
    <message>
        <source>No client selected</source>
        <translation>Ningún cliente seleccionado</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Nombre del cliente</translation>
    </message>
    <message>
        <source>Choose a client on the left, or search with Ctrl+F.</source>
        <translation>Elija un cliente a la izquierda, o busque con Ctrl+F.</translation>
    </message>
    <message>
        <source>Client profile</source>
        <translation>Perfil del cliente</translation>
    </message>
    <message>
        <source>&amp;New assessment (Ctrl+N)</source>
        <translation>&amp;Nueva evaluación (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit client (Ctrl+E)</source>
        <translation>&amp;Editar cliente (Ctrl+E)</translation>
    </message>
    <message>
        <source>Arch&amp;ive</source>
        <translation>Arc&amp;hivar</translation>
    </message>
    <message>
        <source>Home pro&amp;gram… (Ctrl+Shift+P)</source>
        <translation>&amp;Programa en casa… (Ctrl+Mayús+P)</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Informe…</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Evaluaciones</translation>
    </message>
    <message>
        <source>&amp;Assessments</source>
        <translation>E&amp;valuaciones</translation>
    </message>
    <message>
        <source>Client views</source>
        <translation>Vistas del cliente</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>Evol&amp;ución</translation>
    </message>
    <message>
        <source>{title}  (archived)</source>
        <translation>{title}  (archivado)</translation>
    </message>
    <message>
        <source>Unarch&amp;ive</source>
        <translation>Desarc&amp;hivar</translation>
    </message>
    <message>
        <source>Signed (locked)</source>
        <translation>Firmada (bloqueada)</translation>
    </message>
    <message>
        <source>✎ Draft</source>
        <translation>✎ Borrador</translation>
    </message>
    <message>
        <source>Addendum (correction)</source>
        <translation>Adenda (corrección)</translation>
    </message>
    <message>
        <source>&amp;Assessments ({n}) — Enter opens</source>
        <translation>E&amp;valuaciones ({n}) — Intro abre</translation>
    </message>
    <message>
        <source>female</source>
        <translation>mujer</translation>
    </message>
    <message>
        <source>male</source>
        <translation>hombre</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no consta</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierda</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecha</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 año</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} años</translation>
    </message>
    <message>
        <source>date of birth not recorded</source>
        <translation>fecha de nacimiento no registrada</translation>
    </message>
    <message>
        <source>{km} km/week</source>
        <translation>{km} km/semana</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Dominant leg</source>
        <translation>Pierna dominante</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Carrera</translation>
    </message>
    <message>
        <source>Presenting complaint</source>
        <translation>Cuadro clínico</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Motivo de consulta</translation>
    </message>
    <message>
        <source>Injury history</source>
        <translation>Antecedentes de lesiones</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong. Your saved work is safe: everything you saved before this message is in the clinic database.

If it happens again, copy the report below and send it to whoever looks after Mobile Athlete for you. It holds no client names.</source>
        <translation>Algo ha fallado. Su trabajo guardado está a salvo: todo lo que guardó antes de este mensaje está en la base de datos de la clínica.

Si vuelve a ocurrir, copie el informe de abajo y envíelo a quien le mantenga Mobile Athlete. No contiene nombres de clientes.</translation>
    </message>
    <message>
        <source>Mobile Athlete: something went wrong</source>
        <translation>Mobile Athlete: algo ha fallado</translation>
    </message>
    <message>
        <source>Technical report</source>
        <translation>Informe técnico</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Co&amp;piar informe</translation>
    </message>
    <message>
        <source>&amp;Open log folder</source>
        <translation>&amp;Abrir carpeta de registros</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome — Mobile Athlete</source>
        <translation>Bienvenida — Mobile Athlete</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Admin user name</source>
        <translation>Usuario del administrador</translation>
    </message>
    <message>
        <source>Admin full name</source>
        <translation>Nombre completo del administrador</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>al menos {n} caracteres</translation>
    </message>
    <message>
        <source>An admin&apos;s password has at least {n} characters: the account reaches every record, the users and the backups. A short sentence is easy to remember.</source>
        <translation>La contraseña de un administrador tiene al menos {n} caracteres: la cuenta llega a todos los registros, a los usuarios y a las copias de seguridad. Una frase corta es fácil de recordar.</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Repetir la contraseña</translation>
    </message>
    <message>
        <source>&lt;h3&gt;A new clinic&lt;/h3&gt;This database has no users yet. Create the first administrator: they add therapists, set backups and read the audit trail.</source>
        <translation>&lt;h3&gt;Una clínica nueva&lt;/h3&gt;Esta base de datos aún no tiene usuarios. Cree el primer administrador: da de alta a los fisioterapeutas, configura las copias de seguridad y consulta el registro de auditoría.</translation>
    </message>
    <message>
        <source>&amp;Clinic name</source>
        <translation>Nombre de la &amp;clínica</translation>
    </message>
    <message>
        <source>Admin &amp;user name</source>
        <translation>&amp;Usuario del administrador</translation>
    </message>
    <message>
        <source>Admin full &amp;name</source>
        <translation>&amp;Nombre completo del administrador</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Con&amp;traseña</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Repetir contr&amp;aseña</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Crear e iniciar sesión</translation>
    </message>
    <message>
        <source>Type the clinic&apos;s name</source>
        <translation>Escriba el nombre de la clínica</translation>
    </message>
    <message>
        <source>{problem}. A short sentence is easy to remember.</source>
        <translation>{problem}. Una frase corta es fácil de recordar.</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>Las dos contraseñas no coinciden</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Find a client: puts the cursor in the search box</source>
        <translation>Buscar un cliente: pone el cursor en el cuadro de búsqueda</translation>
    </message>
    <message>
        <source>Enter (in the search box)</source>
        <translation>Intro (en el cuadro de búsqueda)</translation>
    </message>
    <message>
        <source>Open the first client found, or the selected one</source>
        <translation>Abrir el primer cliente encontrado, o el seleccionado</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>Arriba / Abajo</translation>
    </message>
    <message>
        <source>Move through the client list; the page follows</source>
        <translation>Recorrer la lista de clientes; la ficha la sigue</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N / Ctrl+E</source>
        <translation>Ctrl+Mayús+N / Ctrl+E</translation>
    </message>
    <message>
        <source>New client / edit the shown client</source>
        <translation>Nuevo cliente / editar el cliente mostrado</translation>
    </message>
    <message>
        <source>New assessment for the shown client</source>
        <translation>Nueva evaluación del cliente mostrado</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Mayús+P</translation>
    </message>
    <message>
        <source>Home program for the shown client (drill library, handout)</source>
        <translation>Programa de ejercicios en casa del cliente mostrado (biblioteca de ejercicios, hoja de ejercicios)</translation>
    </message>
    <message>
        <source>Reports: a day&apos;s clients or chosen ones; preview, print, save</source>
        <translation>Informes: los clientes de un día o los elegidos; vista previa, imprimir, guardar</translation>
    </message>
    <message>
        <source>Lock the program now (it also locks itself when left alone)</source>
        <translation>Bloquear el programa ahora (también se bloquea solo si se deja desatendido)</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>Esta ayuda</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>Escribir un número</translation>
    </message>
    <message>
        <source>Enters it in the cell; Tab or Enter moves to the next cell</source>
        <translation>Lo introduce en la celda; Tab o Intro pasan a la celda siguiente</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Flechas</translation>
    </message>
    <message>
        <source>Move between cells</source>
        <translation>Moverse entre celdas</translation>
    </message>
    <message>
        <source>Marks the value painful (again to clear)</source>
        <translation>Marca el valor como doloroso (otra vez para quitarlo)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>Clears the cell</source>
        <translation>Vacía la celda</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z</source>
        <translation>Ctrl+Z / Ctrl+Mayús+Z</translation>
    </message>
    <message>
        <source>Undo / redo in the assessment</source>
        <translation>Deshacer / rehacer en la evaluación</translation>
    </message>
    <message>
        <source>Worse than last visit by more than the measurement error or the MCID</source>
        <translation>Peor que en la visita anterior en más que el error de medida o la MCID</translation>
    </message>
    <message>
        <source>Painful during the test</source>
        <translation>Doloroso durante la prueba</translation>
    </message>
    <message>
        <source>Moves further with help than alone: control work, not stretching</source>
        <translation>Llega más lejos con ayuda que solo: trabajo de control, no estiramientos</translation>
    </message>
    <message>
        <source>Movement faults seen, or a poor rating, in a motor-control test</source>
        <translation>Fallos de movimiento observados, o una puntuación baja, en una prueba de control motor</translation>
    </message>
    <message>
        <source>Below the usual range for the client&apos;s age and sex (source on hover)</source>
        <translation>Por debajo del rango habitual para la edad y el sexo del cliente (fuente al pasar el ratón)</translation>
    </message>
    <message>
        <source>Left and right differ by more than the test&apos;s threshold</source>
        <translation>Izquierdo y derecho difieren en más que el umbral de la prueba</translation>
    </message>
    <message>
        <source>Past a published reference point (from one group; not a risk prediction)</source>
        <translation>Más allá de un punto de referencia publicado (de un solo grupo; no predice el riesgo)</translation>
    </message>
    <message>
        <source>Above the usual range</source>
        <translation>Por encima del rango habitual</translation>
    </message>
    <message>
        <source>Better than last visit by more than the measurement error or the MCID</source>
        <translation>Mejor que en la visita anterior en más que el error de medida o la MCID</translation>
    </message>
    <message>
        <source>The change reaches the minimal clinically important difference</source>
        <translation>El cambio alcanza la diferencia mínima clínicamente importante (MCID)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Using Mobile Athlete&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Cómo usar Mobile Athlete&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Search for a client by name, chart number or date of birth; the list narrows as you type. Choose a client to see their profile, assessments and latest findings; the &lt;i&gt;Progress&lt;/i&gt; tab charts each measure over time.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Busque un cliente por nombre, n.º de historia o fecha de nacimiento; la lista se acota mientras escribe. Elija un cliente para ver su perfil, sus evaluaciones y los últimos hallazgos; la pestaña &lt;i&gt;Evolución&lt;/i&gt; muestra en gráficas cada medida a lo largo del tiempo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keyboard shortcuts&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Atajos de teclado&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;In the assessment grid&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;En la tabla de la evaluación&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every value is saved the moment you enter it; there is no Save button, and an assessment left open (or a computer that stops) is found again as a draft. Signing locks it; later corrections are addenda beside the original.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cada valor se guarda en cuanto lo introduce; no hay botón Guardar, y una evaluación que se deja abierta (o una computadora que se detiene) se recupera como borrador. Al firmarla queda bloqueada; las correcciones posteriores son adendas junto al original.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Findings&lt;/h3&gt;&lt;p&gt;The same symbols mark the grid&apos;s cells while you type, and the findings beside the grid list them, most pressing first (hover for the reasons).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Hallazgos&lt;/h3&gt;&lt;p&gt;Los mismos símbolos marcan las celdas de la tabla mientras escribe, y la lista de hallazgos junto a la tabla los recoge, los más urgentes primero (pase el ratón por encima para ver los motivos).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Where your data lives&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Dónde se guardan sus datos&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;This window works on: &lt;b&gt;{place}&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Esta ventana trabaja con: &lt;b&gt;{place}&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A single computer keeps one database file in your user data folder. A clinic with several computers shares one clinic server (PostgreSQL): never put the database file on a network drive.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Una sola computadora guarda un archivo de base de datos en su carpeta de datos de usuario. Una clínica con varias computadoras comparte un servidor de la clínica (PostgreSQL): nunca ponga el archivo de la base de datos en una unidad de red.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Backups&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Copias de seguridad&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The program backs the database up by itself: before any upgrade, and once a day (the last {daily} daily and {weekly} weekly copies are kept), each checked after writing. An administrator can send them to another drive (&lt;code&gt;mobileathlete backup --set-folder DIR&lt;/code&gt;) and restore one with &lt;code&gt;mobileathlete restore FILE&lt;/code&gt;, which keeps the current file aside. &lt;code&gt;mobileathlete check&lt;/code&gt; reports the database&apos;s health and changes nothing.&lt;/p&gt;</source>
        <translation>&lt;p&gt;El programa hace copias de seguridad de la base de datos por sí mismo: antes de cada actualización y una vez al día (se conservan las últimas {daily} copias diarias y {weekly} semanales), y comprueba cada una después de escribirla. Un administrador puede enviarlas a otra unidad (&lt;code&gt;mobileathlete backup --set-folder CARPETA&lt;/code&gt;) y restaurar una con &lt;code&gt;mobileathlete restore ARCHIVO&lt;/code&gt;, que aparta el archivo actual sin borrarlo. &lt;code&gt;mobileathlete check&lt;/code&gt; informa del estado de la base de datos y no cambia nada.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Mobile Athlete Help</source>
        <translation>Ayuda de Mobile Athlete</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Something unexpected went wrong, and the work was not finished. Nothing else was changed; the details are in the program&apos;s log.</source>
        <translation>Algo inesperado ha fallado y el trabajo no se ha terminado. No se ha cambiado nada más; los detalles están en el registro del programa.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>&lt;h2&gt;Locked&lt;/h2&gt;Signed in as &lt;b&gt;{name}&lt;/b&gt;. Type your password.</source>
        <translation>&lt;h2&gt;Bloqueado&lt;/h2&gt;Sesión iniciada como &lt;b&gt;{name}&lt;/b&gt;. Escriba su contraseña.</translation>
    </message>
    <message>
        <source>Password to unlock</source>
        <translation>Contraseña para desbloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>Mensaje de desbloqueo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search name, chart number or date of birth</source>
        <translation>Buscar nombre, n.º de historia o fecha de nacimiento</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Buscar clientes</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>&amp;Show archived</source>
        <translation>Mos&amp;trar archivados</translation>
    </message>
    <message>
        <source>Show archived clients</source>
        <translation>Mostrar clientes archivados</translation>
    </message>
    <message>
        <source>Find client</source>
        <translation>Buscar cliente</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>Editar cliente</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Nueva evaluación</translation>
    </message>
    <message>
        <source>New c&amp;lient (Ctrl+Shift+N)</source>
        <translation>Nuevo c&amp;liente (Ctrl+Mayús+N)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Import from CSV…</source>
        <translation>&amp;Importar desde CSV…</translation>
    </message>
    <message>
        <source>&amp;Home program…</source>
        <translation>&amp;Programa en casa…</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Informes…</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Registro de auditoría…</translation>
    </message>
    <message>
        <source>&amp;Clinic</source>
        <translation>&amp;Clínica</translation>
    </message>
    <message>
        <source>Assessment &amp;templates…</source>
        <translation>Plan&amp;tillas de evaluación…</translation>
    </message>
    <message>
        <source>Signed in as {who} ({role}) — {place}</source>
        <translation>Sesión iniciada como {who} ({role}) — {place}</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Copias de seguridad…</translation>
    </message>
    <message>
        <source>Clinic &amp;details…</source>
        <translation>&amp;Datos de la clínica…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Mobile Athlete &amp;Help</source>
        <translation>&amp;Ayuda de Mobile Athlete</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir carpeta de &amp;registros</translation>
    </message>
    <message>
        <source>&amp;About Mobile Athlete</source>
        <translation>Acerca &amp;de Mobile Athlete</translation>
    </message>
    <message>
        <source>Choose a client first (Ctrl+F to search)</source>
        <translation>Elija antes un cliente (Ctrl+F para buscar)</translation>
    </message>
    <message>
        <source>{n}+ clients</source>
        <translation>{n}+ clientes</translation>
    </message>
    <message>
        <source>1 client</source>
        <translation>1 cliente</translation>
    </message>
    <message>
        <source>{n} clients</source>
        <translation>{n} clientes</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>Guardado: {name}</translation>
    </message>
    <message>
        <source>Archived {name}</source>
        <translation>Archivado: {name}</translation>
    </message>
    <message>
        <source>Brought back {name}</source>
        <translation>Recuperado: {name}</translation>
    </message>
    <message>
        <source>The clinic file is damaged, so no more work can be saved in it.

{problem}

This window will close and the recovery screen will open: the damaged file is kept untouched and you can restore the newest good backup.</source>
        <translation>El archivo de la clínica está dañado, así que ya no se puede guardar más trabajo en él.

{problem}

Esta ventana se cerrará y se abrirá la pantalla de recuperación: el archivo dañado se conserva intacto y usted puede restaurar la copia de seguridad buena más reciente.</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>Nueva evaluación</translation>
    </message>
    <message>
        <source>Assessment date</source>
        <translation>Fecha de la evaluación</translation>
    </message>
</context>
<context>
    <name>NewAssessmentForm</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>initial</source>
        <translation>inicial</translation>
    </message>
    <message>
        <source>reassessment</source>
        <translation>reevaluación</translation>
    </message>
    <message>
        <source>discharge</source>
        <translation>alta</translation>
    </message>
    <message>
        <source>screen</source>
        <translation>cribado</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
</context>
<context>
    <name>NextStepsPanel</name>
    <message>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>Next steps for a new clinic</source>
        <translation>Próximos pasos para una clínica nueva</translation>
    </message>
    <message>
        <source>Add &amp;therapists…</source>
        <translation>Añadir &amp;fisioterapeutas…</translation>
    </message>
    <message>
        <source>Import clients…</source>
        <translation>Importar clientes…</translation>
    </message>
    <message>
        <source>The same as File ▸ Import from CSV… (Alt+F, I)</source>
        <translation>Lo mismo que Archivo ▸ Importar desde CSV… (Alt+A, I)</translation>
    </message>
    <message>
        <source>Set the back&amp;up folder…</source>
        <translation>Cam&amp;biar la carpeta de copias de seguridad…</translation>
    </message>
    <message>
        <source>Hi&amp;de these steps</source>
        <translation>&amp;Ocultar estos pasos</translation>
    </message>
    <message>
        <source>No therapist accounts yet: each therapist signs in with their own.</source>
        <translation>Aún no hay cuentas de fisioterapeuta: cada fisioterapeuta inicia sesión con la suya.</translation>
    </message>
    <message>
        <source>✓ 1 therapist can sign in</source>
        <translation>✓ 1 fisioterapeuta puede iniciar sesión</translation>
    </message>
    <message>
        <source>✓ {n} therapists can sign in</source>
        <translation>✓ {n} fisioterapeutas pueden iniciar sesión</translation>
    </message>
    <message>
        <source>No clients yet: import them from a CSV file, or add them one by one.</source>
        <translation>Aún no hay clientes: impórtelos desde un archivo CSV o añádalos uno a uno.</translation>
    </message>
    <message>
        <source>✓ 1 client</source>
        <translation>✓ 1 cliente</translation>
    </message>
    <message>
        <source>✓ {n} clients</source>
        <translation>✓ {n} clientes</translation>
    </message>
    <message>
        <source>✓ Backups go to {folder}</source>
        <translation>✓ Las copias de seguridad van a {folder}</translation>
    </message>
    <message>
        <source>Backups go beside the database for now: choose another disk if you can.</source>
        <translation>Por ahora las copias de seguridad se guardan junto a la base de datos: elija otro disco si puede.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>The clinic database is damaged and cannot be moved aside.</source>
        <translation>La base de datos de la clínica está dañada y no se puede apartar.</translation>
    </message>
    <message>
        <source>The clinic database cannot be opened.</source>
        <translation>No se puede abrir la base de datos de la clínica.</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Chart number</source>
        <translation>N.º de historia</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Goal event</source>
        <translation>Prueba objetivo</translation>
    </message>
    <message>
        <source>Footwear</source>
        <translation>Calzado</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Weekly distance</source>
        <translation>Distancia semanal</translation>
    </message>
    <message>
        <source>Years running</source>
        <translation>Años corriendo</translation>
    </message>
    <message>
        <source>Assessment date</source>
        <translation>Fecha de la evaluación</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>The logo</source>
        <translation>El logotipo</translation>
    </message>
    <message>
        <source>The picture</source>
        <translation>La imagen</translation>
    </message>
    <message>
        <source>The annotated still</source>
        <translation>La imagen anotada</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>El archivo</translation>
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
        <source>Template name</source>
        <translation>Nombre de la plantilla</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>series</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>repeticiones</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>mantenimiento</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>distancia</translation>
    </message>
    <message>
        <source>time</source>
        <translation>tiempo</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>descanso</translation>
    </message>
    <message>
        <source>days a week</source>
        <translation>días por semana</translation>
    </message>
    <message>
        <source>load</source>
        <translation>carga</translation>
    </message>
    <message>
        <source>tempo</source>
        <translation>ritmo</translation>
    </message>
    <message>
        <source>the three Y-balance reaches and the limb length of that side</source>
        <translation>los tres alcances del Y-Balance y la longitud del miembro de ese lado</translation>
    </message>
    <message>
        <source>the seven FMS tests (and clearing tests)</source>
        <translation>las siete pruebas del FMS (y las pruebas de descarte)</translation>
    </message>
    <message>
        <source>the 20 LEFS answers</source>
        <translation>las 20 respuestas de la LEFS</translation>
    </message>
    <message>
        <source>{what} is required</source>
        <translation>{what}: este dato es obligatorio</translation>
    </message>
    <message>
        <source>{what} is too long: {length} characters, at most {limit}</source>
        <translation>{what}: {length} caracteres, y se admiten como máximo {limit}</translation>
    </message>
    <message>
        <source>{what} has {lines} lines: at most {limit}, please</source>
        <translation>{what}: {lines} líneas; como máximo {limit}, por favor</translation>
    </message>
    <message>
        <source>{what}: “{text}” is not a number</source>
        <translation>{what}: «{text}» no es un número</translation>
    </message>
    <message>
        <source>{what}: “{text}” is not a date in the form YYYY-MM-DD</source>
        <translation>{what}: «{text}» no es una fecha con la forma AAAA-MM-DD</translation>
    </message>
    <message>
        <source>{what}: “{text}” is not a real date</source>
        <translation>{what}: «{text}» no es una fecha que exista</translation>
    </message>
    <message>
        <source>{what}: {text} is in the future</source>
        <translation>{what}: {text} es una fecha futura</translation>
    </message>
    <message>
        <source>{what}: “{text}” is ambiguous (day/month or month/day?); write it as YYYY-MM-DD ({first} or {second})</source>
        <translation>{what}: «{text}» es ambigua (¿día/mes o mes/día?); escríbala como AAAA-MM-DD ({first} o {second})</translation>
    </message>
    <message>
        <source>{what}: “{text}” is not in the form YYYY-MM-DD; write {iso}</source>
        <translation>{what}: «{text}» no tiene la forma AAAA-MM-DD; escriba {iso}</translation>
    </message>
    <message>
        <source>{what}: “{text}” looks like a spreadsheet day number; format the column as a date YYYY-MM-DD</source>
        <translation>{what}: «{text}» parece un número de día de una hoja de cálculo; dé a la columna el formato de fecha AAAA-MM-DD</translation>
    </message>
    <message>
        <source>{what}: {text} is before 1900</source>
        <translation>{what}: {text} es anterior a 1900</translation>
    </message>
    <message>
        <source>{what} must be {low}–{high}</source>
        <translation>{what}: debe estar entre {low} y {high}</translation>
    </message>
    <message>
        <source>{what}: letters, digits, - . / _ only (max 40)</source>
        <translation>{what}: solo letras, cifras y - . / _ (40 como máximo)</translation>
    </message>
    <message>
        <source>{what} {text} is already used by another client</source>
        <translation>{what}: {text} ya lo tiene otro cliente</translation>
    </message>
    <message>
        <source>{what} {text} is already used by another client as {existing} (chart numbers are compared without regard to case)</source>
        <translation>{what}: {text} ya lo tiene otro cliente como {existing} (no se distinguen mayúsculas de minúsculas)</translation>
    </message>
    <message>
        <source>{what} “{text}” is not valid</source>
        <translation>{what}: «{text}» no es una dirección válida</translation>
    </message>
    <message>
        <source>{what} “{text}” is not a phone number: digits, spaces and + ( ) - . / only (an extension as “ext 12”)</source>
        <translation>{what}: «{text}» no es un número de teléfono: solo cifras, espacios y + ( ) - . / (una extensión, como «ext 12»)</translation>
    </message>
    <message>
        <source>{what}: letters, digits, . _ - only</source>
        <translation>{what}: solo letras, cifras y . _ -</translation>
    </message>
    <message>
        <source>User name {username} is taken</source>
        <translation>El nombre de usuario {username} ya está en uso</translation>
    </message>
    <message>
        <source>A password must be at least {least} characters (this one has {length})</source>
        <translation>La contraseña debe tener al menos {least} caracteres (esta tiene {length})</translation>
    </message>
    <message>
        <source>An admin&apos;s password must be at least {least} characters (this one has {length})</source>
        <translation>La contraseña de un administrador/a debe tener al menos {least} caracteres (esta tiene {length})</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account</source>
        <translation>No puede desactivar su propia cuenta</translation>
    </message>
    <message>
        <source>{username} is the last active admin; add another admin first</source>
        <translation>{username} es el único administrador/a activo: añada antes otro administrador/a</translation>
    </message>
    <message>
        <source>To change your own password use Change my password (it asks for the current one)</source>
        <translation>Para cambiar su propia contraseña, use Cambiar mi contraseña (le pide la actual)</translation>
    </message>
    <message>
        <source>{what} is at most {limit} characters</source>
        <translation>{what}: como máximo {limit} caracteres</translation>
    </message>
    <message>
        <source>{what} needs a letter or digit</source>
        <translation>{what}: necesita al menos una letra o una cifra</translation>
    </message>
    <message>
        <source>Template: choose at least one measure</source>
        <translation>Plantilla: elija al menos una medida</translation>
    </message>
    <message>
        <source>Built-in templates cannot be changed; copy it under a new name</source>
        <translation>Las plantillas de serie no se pueden cambiar; cópiela con otro nombre</translation>
    </message>
    <message>
        <source>Built-in templates cannot be deleted</source>
        <translation>Las plantillas de serie no se pueden borrar</translation>
    </message>
    <message>
        <source>Template name “{name}” is taken by another clinic template ({clash})</source>
        <translation>El nombre de plantilla «{name}» ya lo tiene otra plantilla de la clínica ({clash})</translation>
    </message>
    <message>
        <source>Template name “{name}” is taken by a built-in template ({clash})</source>
        <translation>El nombre de plantilla «{name}» ya lo tiene una plantilla de serie ({clash})</translation>
    </message>
    <message>
        <source>{what} is an empty file</source>
        <translation>{what}: el archivo está vacío</translation>
    </message>
    <message>
        <source>{what} has too many pixels to open</source>
        <translation>{what}: la imagen tiene demasiados píxeles para abrirla</translation>
    </message>
    <message>
        <source>{what} is not a {formats} picture Mobile Athlete can read</source>
        <translation>{what}: no es una imagen {formats} que Mobile Athlete pueda leer</translation>
    </message>
    <message>
        <source>{what} is a {found} picture: use {formats}</source>
        <translation>{what}: es una imagen {found}; use {formats}</translation>
    </message>
    <message>
        <source>{what} is damaged: its picture data is cut short or corrupt</source>
        <translation>{what}: la imagen está dañada (sus datos están incompletos o corruptos)</translation>
    </message>
    <message>
        <source>{what} is {size}: a picture may be at most {limit} (take it at a lower resolution)</source>
        <translation>{what} ocupa {size}: una imagen puede ocupar como máximo {limit} (tómela con menos resolución)</translation>
    </message>
    <message>
        <source>{what} is {size}: a logo may be at most {limit} (save it smaller, for example 600 pixels wide)</source>
        <translation>{what} ocupa {size}: un logotipo puede ocupar como máximo {limit} (guárdelo más pequeño, por ejemplo de 600 píxeles de ancho)</translation>
    </message>
    <message>
        <source>{what} is {width} × {height} pixels: too large to open</source>
        <translation>{what} mide {width} × {height} píxeles: es demasiado grande para abrirse</translation>
    </message>
    <message>
        <source>{what} is {size} even at {width} × {height} pixels: a stored picture may be at most {limit} (save it as JPEG)</source>
        <translation>{what} ocupa {size} incluso a {width} × {height} píxeles: una imagen guardada puede ocupar como máximo {limit} (guárdela como JPEG)</translation>
    </message>
    <message>
        <source>The picture is {size}: at most {limit}, please</source>
        <translation>La imagen ocupa {size}: como máximo {limit}, por favor</translation>
    </message>
    <message>
        <source>{what} is not a readable PNG or JPEG picture</source>
        <translation>{what}: no es una imagen PNG o JPEG legible</translation>
    </message>
    <message>
        <source>{what} is a {found} picture: use PNG or JPEG</source>
        <translation>{what}: es una imagen {found}; use PNG o JPEG</translation>
    </message>
    <message>
        <source>{name}: not UTF-8 text (byte {byte}); save the file as “CSV UTF-8”, or choose Latin-1 / Windows as its text encoding</source>
        <translation>{name}: no es texto UTF-8 (byte {byte}); guarde el archivo como «CSV UTF-8» o elija Latin-1 / Windows como codificación del texto</translation>
    </message>
    <message>
        <source>the file is empty (a header row is needed)</source>
        <translation>el archivo está vacío (hace falta una fila de encabezado)</translation>
    </message>
    <message>
        <source>missing columns {names}; expected {expected}</source>
        <translation>faltan columnas: {names}; se esperan {expected}</translation>
    </message>
    <message>
        <source>missing columns {names}; expected {expected} (the header has one column: separate columns with commas or semicolons)</source>
        <translation>faltan columnas: {names}; se esperan {expected} (el encabezado tiene una sola columna: separe las columnas con comas o con puntos y coma)</translation>
    </message>
    <message>
        <source>unknown columns {names}</source>
        <translation>columnas desconocidas: {names}</translation>
    </message>
    <message>
        <source>columns named twice: {names}</source>
        <translation>columnas repetidas: {names}</translation>
    </message>
    <message>
        <source>{count} fields, expected {expected}</source>
        <translation>{count} campos; se esperan {expected}</translation>
    </message>
    <message>
        <source>no data rows</source>
        <translation>no hay filas de datos</translation>
    </message>
    <message>
        <source>chart number {chart} is also on line {first}</source>
        <translation>el n.º de historia {chart} también está en la línea {first}</translation>
    </message>
    <message>
        <source>chart number {chart} is already in the clinic (tick “Update clients already in the clinic” to change its details)</source>
        <translation>el n.º de historia {chart} ya está en la clínica (marque «Actualizar los clientes que ya están en la clínica» para cambiar sus datos)</translation>
    </message>
    <message>
        <source>unknown chart number “{chart}” (tick “Create clients for unknown chart numbers” to add it)</source>
        <translation>n.º de historia desconocido: «{chart}» (marque «Crear clientes para los n.º de historia desconocidos» para añadirlo)</translation>
    </message>
    <message>
        <source>{column} is empty</source>
        <translation>{column} está vacío</translation>
    </message>
    <message>
        <source>unknown measure code “{text}”</source>
        <translation>código de medida desconocido: «{text}»</translation>
    </message>
    <message>
        <source>side: “{text}” is not left, right or none</source>
        <translation>side: «{text}» no es left, right ni none</translation>
    </message>
    <message>
        <source>mode: “{text}” is not active, passive or none</source>
        <translation>mode: «{text}» no es active, passive ni none</translation>
    </message>
    <message>
        <source>{code}: side must be {allowed}, not {text}</source>
        <translation>{code}: side debe ser {allowed}, no {text}</translation>
    </message>
    <message>
        <source>{code}: mode must be {allowed}, not {text}</source>
        <translation>{code}: mode debe ser {allowed}, no {text}</translation>
    </message>
    <message>
        <source>{code} is recorded in {unit}, not “{text}” (convert the value first)</source>
        <translation>{code} se registra en {unit}, no en «{text}» (convierta el valor primero)</translation>
    </message>
    <message>
        <source>pain: “{text}” is not yes or no</source>
        <translation>pain: «{text}» no es yes ni no</translation>
    </message>
    <message>
        <source>{what}: empty (give a rating or faults)</source>
        <translation>{what}: vacío (indique una calificación o fallos)</translation>
    </message>
    <message>
        <source>{what}: a painful test needs its rating in value</source>
        <translation>{what}: una prueba con dolor necesita su calificación en value</translation>
    </message>
    <message>
        <source>same measure, side and mode as line {first}</source>
        <translation>misma medida, lado y modo que la línea {first}</translation>
    </message>
    <message>
        <source>{what}: “{text}” is not a rating ({scale})</source>
        <translation>{what}: «{text}» no es una calificación ({scale})</translation>
    </message>
    <message>
        <source>faults: {code} has no faults to record; leave the cell empty</source>
        <translation>faults: {code} no tiene fallos que registrar; deje la celda vacía</translation>
    </message>
    <message>
        <source>faults: {code} has no faults to record (only {codes} have faults); leave the cell empty</source>
        <translation>faults: {code} no tiene fallos que registrar (solo {codes} tienen fallos); deje la celda vacía</translation>
    </message>
    <message>
        <source>faults: not among the faults of {code}: {codes}; its faults are {known}</source>
        <translation>faults: no están entre los fallos de {code}: {codes}; sus fallos son {known}</translation>
    </message>
    <message>
        <source>faults: not among the faults of {code}: {codes} (separate fault codes with “;”); its faults are {known}</source>
        <translation>faults: no están entre los fallos de {code}: {codes} (separe los códigos de fallo con «;»); sus fallos son {known}</translation>
    </message>
    <message>
        <source>{code} ({side}) is computed from {inputs}, which this assessment lacks; give those instead of the score</source>
        <translation>{code} ({side}) se calcula a partir de {inputs}, que faltan en esta evaluación; indíquelos en lugar de la puntuación</translation>
    </message>
    <message>
        <source>the assessment of {chart} on {on} is signed and read-only</source>
        <translation>la evaluación de {chart} del {on} está firmada y es de solo lectura</translation>
    </message>
    <message>
        <source>{name}: cannot read ({reason})</source>
        <translation>{name}: no se puede leer ({reason})</translation>
    </message>
    <message>
        <source>not valid CSV ({problem})</source>
        <translation>no es un CSV válido ({problem})</translation>
    </message>
    <message>
        <source>Give the backup folder&apos;s full path (not {folder})</source>
        <translation>Indique la ruta completa de la carpeta de copias de seguridad (no {folder})</translation>
    </message>
    <message>
        <source>Cannot use {folder} for backups: {reason}</source>
        <translation>No se puede usar {folder} para las copias de seguridad: {reason}</translation>
    </message>
    <message>
        <source>Client {chart} was changed by someone else; reopen to see it</source>
        <translation>Otra persona ha cambiado el cliente {chart}; vuelva a abrirlo para ver los cambios</translation>
    </message>
    <message>
        <source>The client was changed by someone else; reopen to see it</source>
        <translation>Otra persona ha cambiado el cliente; vuelva a abrirlo para ver los cambios</translation>
    </message>
    <message>
        <source>Wrong user name or password</source>
        <translation>Nombre de usuario o contraseña incorrectos</translation>
    </message>
    <message>
        <source>Account {username} is locked after {count} wrong passwords; try again in {minutes} min</source>
        <translation>La cuenta {username} está bloqueada tras {count} contraseñas incorrectas; inténtelo de nuevo dentro de {minutes} min</translation>
    </message>
    <message>
        <source>Wrong password; account {username} is now locked for {minutes} min</source>
        <translation>Contraseña incorrecta; la cuenta {username} queda bloqueada durante {minutes} min</translation>
    </message>
    <message>
        <source>The current password is wrong; nothing was changed</source>
        <translation>La contraseña actual no es correcta; no se ha cambiado nada</translation>
    </message>
    <message>
        <source>An addendum needs a reason: say what it corrects</source>
        <translation>Una adenda necesita un motivo: indique qué corrige</translation>
    </message>
    <message>
        <source>The reason is too long (at most {limit} characters)</source>
        <translation>El motivo es demasiado largo (como máximo {limit} caracteres)</translation>
    </message>
    <message>
        <source>PSFS row {row}: name the activity before rating it</source>
        <translation>PSFS, fila {row}: escriba la actividad antes de puntuarla</translation>
    </message>
    <message>
        <source>PSFS row {row}: an activity name is at most {limit} characters</source>
        <translation>PSFS, fila {row}: el nombre de una actividad admite como máximo {limit} caracteres</translation>
    </message>
    <message>
        <source>PSFS: “{name}” is named twice</source>
        <translation>PSFS: «{name}» aparece dos veces</translation>
    </message>
    <message>
        <source>PSFS takes at most {limit} activities, got {count}</source>
        <translation>La PSFS admite como máximo {limit} actividades; hay {count}</translation>
    </message>
    <message>
        <source>{what} is {width} × {height} pixels: too large to open as a logo</source>
        <translation>{what} mide {width} × {height} píxeles: demasiado grande para abrirlo como logotipo</translation>
    </message>
    <message>
        <source>{what} is {width} × {height} pixels: too small to print (at least {limit} pixels each way)</source>
        <translation>{what} mide {width} × {height} píxeles: demasiado pequeño para imprimirlo (al menos {limit} píxeles en cada sentido)</translation>
    </message>
    <message>
        <source>{what} is {width} × {height} pixels: a logo may be at most {limit} times as wide as it is tall (or tall as it is wide)</source>
        <translation>{what} mide {width} × {height} píxeles: un logotipo puede ser como mucho {limit} veces más ancho que alto (o más alto que ancho)</translation>
    </message>
    <message>
        <source>Drill {number}: {code} is not an exercise of the library</source>
        <translation>Ejercicio {number}: {code} no es un ejercicio de la biblioteca</translation>
    </message>
    <message>
        <source>Drill {number}: {what} must be 1–{high}</source>
        <translation>Ejercicio {number}: {what} debe estar entre 1 y {high}</translation>
    </message>
    <message>
        <source>Drill {number}: {what} is longer than {limit} characters</source>
        <translation>Ejercicio {number}: {what} tiene más de {limit} caracteres</translation>
    </message>
    <message>
        <source>A template needs a name</source>
        <translation>Una plantilla necesita un nombre</translation>
    </message>
    <message>
        <source>A home program needs a client (or save it as a template)</source>
        <translation>Un programa en casa necesita un cliente (o guárdelo como plantilla)</translation>
    </message>
    <message>
        <source>Weeks until the next visit must be 1–{high}</source>
        <translation>Las semanas hasta la próxima visita deben estar entre 1 y {high}</translation>
    </message>
    <message>
        <source>“{text}” is not a program code (6 letters and digits)</source>
        <translation>«{text}» no es un código de programa (6 letras y dígitos)</translation>
    </message>
    <message>
        <source>No program with code {code}</source>
        <translation>No hay ningún programa con el código {code}</translation>
    </message>
    <message>
        <source>This program is not a template</source>
        <translation>Este programa no es una plantilla</translation>
    </message>
    <message>
        <source>A client&apos;s saved program is part of the record and is kept</source>
        <translation>El programa guardado de un cliente forma parte del expediente y se conserva</translation>
    </message>
    <message>
        <source>No saved program to check in: save a program first</source>
        <translation>No hay ningún programa guardado para el seguimiento: guarde primero un programa</translation>
    </message>
    <message>
        <source>Program {code} is another client&apos;s: type this client&apos;s program code</source>
        <translation>El programa {code} es de otro cliente: escriba el código del programa de este cliente</translation>
    </message>
    <message>
        <source>No check-in yet: check in the current program first</source>
        <translation>Aún no hay seguimiento: haga primero el seguimiento del programa actual</translation>
    </message>
    <message>
        <source>{what} was changed elsewhere to {value}; your value was not saved</source>
        <translation>{what} se cambió en otro puesto a {value}; su valor no se ha guardado</translation>
    </message>
    <message>
        <source>{what} was cleared elsewhere; your value was not saved</source>
        <translation>{what} se borró en otro puesto; su valor no se ha guardado</translation>
    </message>
    <message>
        <source>Another workstation saved this at the same moment; it was changed elsewhere: reload to see the other value. Yours was not saved</source>
        <translation>Otro puesto guardó esto en el mismo momento; se cambió en otro puesto: vuelva a cargar para ver el otro valor. El suyo no se ha guardado</translation>
    </message>
    <message>
        <source>The treatment was removed elsewhere: reload to see the visit; yours was not saved</source>
        <translation>El tratamiento se eliminó en otro puesto: vuelva a cargar para ver la visita; el suyo no se ha guardado</translation>
    </message>
    <message>
        <source>Someone else changed the clinic&apos;s details since they were opened here; close and open them again to see the newest</source>
        <translation>Otra persona cambió los datos de la clínica desde que se abrieron aquí; ciérrelos y vuelva a abrirlos para ver los más recientes</translation>
    </message>
    <message>
        <source>{what} is recorded in {unit}; this tool measures {reading}</source>
        <translation>{what} se registra en {unit}; esta herramienta mide {reading}</translation>
    </message>
    <message>
        <source>therapist</source>
        <translation>fisioterapeuta</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador/a</translation>
    </message>
    <message>
        <source>look clients up</source>
        <translation>buscar clientes</translation>
    </message>
    <message>
        <source>change a client&apos;s details</source>
        <translation>cambiar los datos de un cliente</translation>
    </message>
    <message>
        <source>archive clients</source>
        <translation>archivar clientes</translation>
    </message>
    <message>
        <source>read assessments</source>
        <translation>leer evaluaciones</translation>
    </message>
    <message>
        <source>record or change assessments</source>
        <translation>registrar o cambiar evaluaciones</translation>
    </message>
    <message>
        <source>sign assessments</source>
        <translation>firmar evaluaciones</translation>
    </message>
    <message>
        <source>write home programs or check-ins</source>
        <translation>preparar programas en casa ni registrar su seguimiento</translation>
    </message>
    <message>
        <source>print handouts</source>
        <translation>imprimir hojas de ejercicios</translation>
    </message>
    <message>
        <source>print reports</source>
        <translation>imprimir informes</translation>
    </message>
    <message>
        <source>import data</source>
        <translation>importar datos</translation>
    </message>
    <message>
        <source>export data</source>
        <translation>exportar datos</translation>
    </message>
    <message>
        <source>create the demo clinic</source>
        <translation>crear la clínica de demostración</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>gestionar usuarios</translation>
    </message>
    <message>
        <source>manage backups</source>
        <translation>gestionar copias de seguridad</translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation>consultar el registro de auditoría</translation>
    </message>
    <message>
        <source>change the clinic&apos;s settings</source>
        <translation>cambiar la configuración de la clínica</translation>
    </message>
    <message>
        <source>Your role ({role}) does not allow you to {action}</source>
        <translation>Su función ({role}) no le permite {action}</translation>
    </message>
    <message>
        <source>The clinic database is busy; try again in a moment.</source>
        <translation>La base de datos de la clínica está ocupada; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The disk holding the clinic database is full; free some space and try again.</source>
        <translation>El disco que guarda la base de datos de la clínica está lleno; libere espacio y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The clinic database cannot be written here (a read-only file or folder).</source>
        <translation>Aquí no se puede escribir en la base de datos de la clínica (un archivo o una carpeta de solo lectura).</translation>
    </message>
    <message>
        <source>The clinic database cannot be reached (a disk or network problem); try again.</source>
        <translation>No se puede acceder a la base de datos de la clínica (un problema del disco o de la red); vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The clinic database could not be used; nothing was stored.</source>
        <translation>No se pudo usar la base de datos de la clínica; no se ha guardado nada.</translation>
    </message>
    <message>
        <source>degrees</source>
        <translation>grados</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>an angle</source>
        <translation>un ángulo</translation>
    </message>
    <message>
        <source>a distance in cm</source>
        <translation>una distancia en cm</translation>
    </message>
    <message>
        <source>The notes were changed elsewhere: reload to see the other value; yours were not saved</source>
        <translation>Las notas se cambiaron en otro puesto: vuelva a cargar para ver el otro valor; las suyas no se han guardado</translation>
    </message>
    <message>
        <source>The LEFS answers were changed elsewhere: reload to see the other value; yours were not saved</source>
        <translation>Las respuestas de la LEFS se cambiaron en otro puesto: vuelva a cargar para ver el otro valor; las suyas no se han guardado</translation>
    </message>
    <message>
        <source>The PSFS activities and ratings were changed elsewhere: reload to see the other value; yours were not saved</source>
        <translation>Las actividades y puntuaciones de la PSFS se cambiaron en otro puesto: vuelva a cargar para ver el otro valor; las suyas no se han guardado</translation>
    </message>
    <message>
        <source>The treatment was changed elsewhere: reload to see the other value; yours was not saved</source>
        <translation>El tratamiento se cambió en otro puesto: vuelva a cargar para ver el otro valor; el suyo no se ha guardado</translation>
    </message>
    <message>
        <source>{test} was changed elsewhere: reload to see the other value; yours was not saved</source>
        <translation>{test} se cambió en otro puesto: vuelva a cargar para ver el otro valor; el suyo no se ha guardado</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierdo</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecho</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>therapist</source>
        <translation>fisioterapeuta</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador/a</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>The clinic database is busy; try again in a moment.</source>
        <translation>La base de datos de la clínica está ocupada; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly; the details are in the program&apos;s log.</source>
        <translation>No se ha podido iniciar sesión por un error inesperado; los detalles están en el registro del programa.</translation>
    </message>
    <message>
        <source>This is the demo clinic (synthetic clients). Sign in as &lt;b&gt;admin&lt;/b&gt; or &lt;b&gt;therapist&lt;/b&gt;, password &lt;b&gt;demo&lt;/b&gt;.</source>
        <translation>Esta es la clínica de demostración (clientes ficticios). Inicie sesión como &lt;b&gt;admin&lt;/b&gt; o &lt;b&gt;therapist&lt;/b&gt;, contraseña &lt;b&gt;demo&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Sign in — Mobile Athlete</source>
        <translation>Iniciar sesión — Mobile Athlete</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Mensaje de inicio de sesión</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Opening the clinic…</source>
        <translation>Abriendo la clínica…</translation>
    </message>
    <message>
        <source>Clinic database</source>
        <translation>Base de datos de la clínica</translation>
    </message>
    <message>
        <source>Type your user name</source>
        <translation>Escriba su nombre de usuario</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>initial</source>
        <translation>inicial</translation>
    </message>
    <message>
        <source>reassessment</source>
        <translation>reevaluación</translation>
    </message>
    <message>
        <source>discharge</source>
        <translation>alta</translation>
    </message>
    <message>
        <source>screen</source>
        <translation>cribado</translation>
    </message>
    <message>
        <source>addendum</source>
        <translation>adenda</translation>
    </message>
    <message>
        <source>draft, not signed</source>
        <translation>borrador, sin firmar</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>firmada</translation>
    </message>
    <message>
        <source>Today&apos;s clients</source>
        <translation>Clientes de hoy</translation>
    </message>
    <message>
        <source>Unsigned drafts from earlier days</source>
        <translation>Borradores sin firmar de días anteriores</translation>
    </message>
    <message>
        <source>Unsigned drafts</source>
        <translation>Borradores sin firmar</translation>
    </message>
    <message>
        <source>Today, {day}: no assessment yet</source>
        <translation>Hoy, {day}: aún no hay evaluaciones</translation>
    </message>
    <message>
        <source>Today, {day}: 1 client</source>
        <translation>Hoy, {day}: 1 cliente</translation>
    </message>
    <message>
        <source>Today, {day}: {n} clients</source>
        <translation>Hoy, {day}: {n} clientes</translation>
    </message>
</context>
</TS>

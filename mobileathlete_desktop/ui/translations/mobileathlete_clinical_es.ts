<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AngleCanvas</name>
    <message>
        <source>Picture: click to place the points</source>
        <translation>Imagen: haga clic para colocar los puntos</translation>
    </message>
</context>
<context>
    <name>AssessmentEditor</name>
    <message>
        <source>This assessment is signed: add an addendum to correct it</source>
        <translation>Esta evaluación está firmada: añada una adenda para corregirla</translation>
    </message>
    <message>
        <source>{error} — not stored</source>
        <translation>{error} — no se ha guardado</translation>
    </message>
    <message>
        <source>{cell}: {value} was not stored — {reason} Press Enter on the cell to try again.</source>
        <translation>{cell}: {value} no se ha guardado — {reason} Pulse Intro en la celda para volver a intentarlo.</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>borrado</translation>
    </message>
    <message>
        <source>Saved {cell}: {value}</source>
        <translation>Guardado {cell}: {value}</translation>
    </message>
    <message>
        <source>Enter a value before marking it painful</source>
        <translation>Introduzca un valor antes de marcarlo como doloroso</translation>
    </message>
    <message>
        <source>painful</source>
        <translation>doloroso</translation>
    </message>
    <message>
        <source>{cell}: painful</source>
        <translation>{cell}: doloroso</translation>
    </message>
    <message>
        <source>{cell}: not painful</source>
        <translation>{cell}: no doloroso</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>hallazgo</translation>
    </message>
    <message>
        <source>Saved {test}: {faults}</source>
        <translation>Guardado {test}: {faults}</translation>
    </message>
    <message>
        <source>no faults</source>
        <translation>sin fallos</translation>
    </message>
    <message>
        <source>Saved LEFS answers</source>
        <translation>Respuestas de la LEFS guardadas</translation>
    </message>
    <message>
        <source>Saved PSFS: average {average} of {count} activities</source>
        <translation>PSFS guardada: media {average} de {count} actividades</translation>
    </message>
    <message>
        <source>Saved PSFS ({named} activities named, {rated} rated): no average until 3–5 activities are named and rated</source>
        <translation>PSFS guardada (actividades nombradas: {named}; puntuadas: {rated}): sin media hasta que se nombren y puntúen de 3 a 5 actividades</translation>
    </message>
    <message>
        <source>Saved notes</source>
        <translation>Notas guardadas</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Free-text notes (saved as you type)</source>
        <translation>Notas de texto libre (se guardan mientras escribe)</translation>
    </message>
    <message>
        <source>Y-balance composite</source>
        <translation>Puntuación compuesta del Y-Balance</translation>
    </message>
    <message>
        <source>Movement screen total</source>
        <translation>Total del cribado de movimiento</translation>
    </message>
    <message>
        <source>no norm for age/sex</source>
        <translation>sin norma para edad/sexo</translation>
    </message>
    <message>
        <source>A {active} · P {passive}</source>
        <comment>active and passive norms</comment>
        <translation>A {active} · P {passive}</translation>
    </message>
    <message>
        <source>Y-balance composite ((A + PM + PL) / (3 × limb length) × 100): {sides}</source>
        <translation>Compuesta Y-Balance ((A + PM + PL) / (3 × longitud del miembro) × 100): {sides}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Movement screen total: {total} / 21&lt;/b&gt;</source>
        <translation>&lt;b&gt;Total del cribado de movimiento: {total} / 21&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Movement screen total: — ({scored} of {tests} tests scored)</source>
        <translation>Total del cribado de movimiento: — ({scored} de {tests} pruebas puntuadas)</translation>
    </message>
    <message>
        <source>positive: {test} scores 0</source>
        <translation>positiva: {test} puntúa 0</translation>
    </message>
    <message>
        <source>negative</source>
        <comment>clearing test</comment>
        <translation>negativa</translation>
    </message>
    <message>
        <source>{score} (lower side)</source>
        <translation>{score} (lado más bajo)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>Norma</translation>
    </message>
    <message>
        <source>Left active</source>
        <translation>Izq. activo</translation>
    </message>
    <message>
        <source>Left passive</source>
        <translation>Izq. pasivo</translation>
    </message>
    <message>
        <source>Right active</source>
        <translation>Der. activo</translation>
    </message>
    <message>
        <source>Right passive</source>
        <translation>Der. pasivo</translation>
    </message>
    <message>
        <source>Range of motion grid</source>
        <translation>Tabla de rango de movimiento</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierdo</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecho</translation>
    </message>
    <message>
        <source>Lunge and balance grid</source>
        <translation>Tabla de zancada y equilibrio</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Counts as</source>
        <translation>Cuenta como</translation>
    </message>
    <message>
        <source>Movement screen grid</source>
        <translation>Tabla del cribado de movimiento</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Pain grid</source>
        <translation>Tabla de dolor</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Tre&amp;atment</source>
        <translation>&amp;Tratamiento</translation>
    </message>
    <message>
        <source>Image/video…</source>
        <translation>Imagen/video…</translation>
    </message>
    <message>
        <source>Measure an angle or a distance on a photo or a video (Ctrl+Shift+I)</source>
        <translation>Medir un ángulo o una distancia en una foto o un video (Ctrl+Mayús+I)</translation>
    </message>
    <message>
        <source>Check-in…</source>
        <translation>Seguimiento…</translation>
    </message>
    <message>
        <source>Type in the home program&apos;s returned tracker: sessions done, pain, EARS (Ctrl+Shift+K)</source>
        <translation>Escriba la hoja de seguimiento devuelta del programa en casa: sesiones hechas, dolor, EARS (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Adenda</translation>
    </message>
    <message>
        <source>Reason for the correction:</source>
        <translation>Motivo de la corrección:</translation>
    </message>
    <message>
        <source>Signed by {name} on {when} UTC — read-only. To correct it, add an addendum (Alt+D); this signed version stays as it is.</source>
        <translation>Firmada por {name} el {when} UTC — solo lectura. Para corregirla, añada una adenda (Alt+D); esta versión firmada se conserva tal cual.</translation>
    </message>
    <message>
        <source>✎ Draft — every entry is saved as you type; close at any time and reopen to continue.</source>
        <translation>✎ Borrador — cada dato se guarda mientras escribe; puede cerrar en cualquier momento y volver a abrir para continuar.</translation>
    </message>
    <message>
        <source>Addendum to the assessment of {date} signed by {name} on {when} UTC, which is kept unchanged.</source>
        <translation>Adenda a la evaluación del {date} firmada por {name} el {when} UTC, que se conserva sin cambios.</translation>
    </message>
    <message>
        <source>Reason: “{reason}”.</source>
        <translation>Motivo: «{reason}».</translation>
    </message>
    <message>
        <source>Initial assessment</source>
        <translation>Evaluación inicial</translation>
    </message>
    <message>
        <source>Reassessment</source>
        <translation>Reevaluación</translation>
    </message>
    <message>
        <source>Discharge assessment</source>
        <translation>Evaluación de alta</translation>
    </message>
    <message>
        <source>Screen assessment</source>
        <translation>Evaluación de cribado</translation>
    </message>
    <message>
        <source>Template: {name} (values already entered are kept)</source>
        <translation>Plantilla: {name} (se conservan los valores ya introducidos)</translation>
    </message>
    <message>
        <source>the treatment typed on the Treatment tab (Enter adds it)</source>
        <translation>el tratamiento escrito en la pestaña Tratamiento (Intro lo añade)</translation>
    </message>
    <message>
        <source>Signed by {name}</source>
        <translation>Firmada por {name}</translation>
    </message>
    <message>
        <source>Addendum started: correct the values, then sign it</source>
        <translation>Adenda iniciada: corrija los valores y después fírmela</translation>
    </message>
    <message>
        <source>Home program check-in saved (self-report)</source>
        <translation>Seguimiento del programa en casa guardado (autoinforme)</translation>
    </message>
    <message>
        <source>Value measured on a picture saved, with its still</source>
        <translation>Valor medido en una imagen guardado, con su fotograma</translation>
    </message>
    <message>
        <source>Typed but NOT stored (refused): {cells}</source>
        <translation>Escrito pero NO guardado (rechazado): {cells}</translation>
    </message>
    <message>
        <source>Before you sign, note:</source>
        <translation>Antes de firmar, tenga en cuenta:</translation>
    </message>
    <message>
        <source>Every part of the template holds a value.</source>
        <translation>Todas las partes de la plantilla tienen un valor.</translation>
    </message>
    <message>
        <source>Sign this assessment? It becomes read-only; later corrections are addenda.</source>
        <translation>¿Firmar esta evaluación? Quedará en solo lectura; las correcciones posteriores serán adendas.</translation>
    </message>
</context>
<context>
    <name>ChartData</name>
    <message>
        <source>left</source>
        <translation>izquierdo</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecho</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>passive</source>
        <translation>pasivo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Lado</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>{percent}% of {norm}</source>
        <translation>{percent} % de {norm}</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Against the norm</source>
        <translation>Frente a la norma</translation>
    </message>
    <message>
        <source>{difference} from the norm {norm}</source>
        <translation>{difference} respecto a la norma {norm}</translation>
    </message>
    <message>
        <source>within threshold</source>
        <translation>dentro del umbral</translation>
    </message>
    <message>
        <source>asymmetric, {side} weaker</source>
        <translation>asimétrico, {side} más débil</translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation>asimétrico</translation>
    </message>
    <message>
        <source>L {left} / R {right}</source>
        <translation>I {left} / D {right}</translation>
    </message>
    <message>
        <source>Left / right</source>
        <translation>Izquierdo / derecho</translation>
    </message>
    <message>
        <source>Symmetry</source>
        <translation>Simetría</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>signed, pain</source>
        <translation>firmada, dolor</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>firmada</translation>
    </message>
    <message>
        <source>draft, pain</source>
        <translation>borrador, dolor</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Sessions done</source>
        <translation>Sesiones hechas</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>Adherencia</translation>
    </message>
    <message>
        <source>EARS (0-24)</source>
        <translation>EARS (0-24)</translation>
    </message>
    <message>
        <source>{done} of {prescribed}</source>
        <translation>{done} de {prescribed}</translation>
    </message>
    <message>
        <source>Progress — {name}</source>
        <translation>Evolución — {name}</translation>
    </message>
    <message>
        <source>No assessments recorded yet.</source>
        <translation>Aún no hay evaluaciones registradas.</translation>
    </message>
</context>
<context>
    <name>CheckinDialog</name>
    <message>
        <source>Program check-in</source>
        <translation>Seguimiento del programa</translation>
    </message>
    <message>
        <source>Program code</source>
        <translation>Código del programa</translation>
    </message>
    <message>
        <source>Code on the handout, or scan its QR code</source>
        <translation>Código de la hoja, o escanee su código QR</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Self-report: what the client says and ticked on the returned sheet, not observed in the clinic.</source>
        <translation>Autorreporte: lo que el cliente dice y marcó en la hoja que trajo, no observado en la clínica.</translation>
    </message>
    <message>
        <source>Sessions done and pain per drill</source>
        <translation>Sesiones hechas y dolor por ejercicio</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation>Indicadas</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hechas</translation>
    </message>
    <message>
        <source>Pain or difficulty (0–10)</source>
        <translation>Dolor o dificultad (0–10)</translation>
    </message>
    <message>
        <source>Exercise Adherence Rating Scale (EARS): each item as scored on the form, 0–4 (higher is better adherence)</source>
        <translation>Escala de adherencia al ejercicio (EARS): cada ítem como se puntuó en el formulario, 0–4 (más alto es mejor adherencia)</translation>
    </message>
    <message>
        <source>EARS item {number}</source>
        <translation>Ítem {number} de la EARS</translation>
    </message>
    <message>
        <source>Item {number}</source>
        <translation>Ítem {number}</translation>
    </message>
    <message>
        <source>Adherence and EARS total</source>
        <translation>Adherencia y total de la EARS</translation>
    </message>
    <message>
        <source>&amp;Adherence over time…</source>
        <translation>&amp;Adherencia en el tiempo…</translation>
    </message>
    <message>
        <source>&amp;Save check-in (Ctrl+S)</source>
        <translation>&amp;Guardar seguimiento (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Program &amp;code</source>
        <translation>&amp;Código del programa</translation>
    </message>
    <message>
        <source>{title} of {date}, code {code}</source>
        <translation>{title} del {date}, código {code}</translation>
    </message>
    <message>
        <source>Row {row}: “{typed}” is not a whole number</source>
        <translation>Fila {row}: «{typed}» no es un número entero</translation>
    </message>
    <message>
        <source>Row {row} ({drill}): sessions prescribed must be {low}–{high}</source>
        <translation>Fila {row} ({drill}): las sesiones indicadas deben estar entre {low} y {high}</translation>
    </message>
    <message>
        <source>Row {row} ({drill}): sessions done must be {low}–{high}</source>
        <translation>Fila {row} ({drill}): las sesiones hechas deben estar entre {low} y {high}</translation>
    </message>
    <message>
        <source>Row {row} ({drill}): pain or difficulty must be {low}–{high}</source>
        <translation>Fila {row} ({drill}): el dolor o la dificultad debe estar entre {low} y {high}</translation>
    </message>
    <message>
        <source>Adherence: {percent} % of the sessions prescribed</source>
        <translation>Adherencia: {percent} % de las sesiones indicadas</translation>
    </message>
    <message>
        <source>Adherence: type the sessions done</source>
        <translation>Adherencia: escriba las sesiones hechas</translation>
    </message>
    <message>
        <source>EARS {total} of {most}</source>
        <translation>EARS {total} de {most}</translation>
    </message>
    <message>
        <source>Adherence over time (self-report)</source>
        <translation>Adherencia en el tiempo (autorreporte)</translation>
    </message>
    <message>
        <source>Adherence at each check-in beside the LEFS</source>
        <translation>Adherencia en cada seguimiento junto a la LEFS</translation>
    </message>
    <message>
        <source>⚠ Not saved: {error}</source>
        <translation>⚠ No se ha guardado: {error}</translation>
    </message>
</context>
<context>
    <name>CheckinRow</name>
    <message>
        <source>Check-&amp;in…</source>
        <translation>Seguimient&amp;o…</translation>
    </message>
    <message>
        <source>Type in the returned tracker: sessions done and pain per drill, and the EARS.</source>
        <translation>Escriba el registro que trajo el cliente: sesiones hechas y dolor por ejercicio, y la EARS.</translation>
    </message>
    <message>
        <source>Propose ne&amp;xt</source>
        <translation>Proponer el pró&amp;ximo</translation>
    </message>
    <message>
        <source>The next program from the latest check-in: drills done without much pain move on, drills that hurt are made easier, the rest are kept; each with its reason.</source>
        <translation>El próximo programa a partir del último seguimiento: los ejercicios hechos sin mucho dolor avanzan, los que dolieron se facilitan y el resto se mantiene; cada uno con su motivo.</translation>
    </message>
    <message>
        <source>Check-in saved</source>
        <translation>Seguimiento guardado</translation>
    </message>
    <message>
        <source>adherence {percent} %</source>
        <translation>adherencia {percent} %</translation>
    </message>
    <message>
        <source>EARS {total} of 24</source>
        <translation>EARS {total} de 24</translation>
    </message>
    <message>
        <source>Replace the program?</source>
        <translation>¿Sustituir el programa?</translation>
    </message>
    <message>
        <source>Replace the drills shown with the proposed next program?</source>
        <translation>¿Reemplazar los ejercicios mostrados por el próximo programa propuesto?</translation>
    </message>
    <message>
        <source>Proposed from the latest check-in: {progress} moved on, {regress} made easier, {hold} kept, {pause} held back, {drop} dropped (reasons in the Why column and the status): edit as you see fit, then save</source>
        <translation>Propuesto a partir del último seguimiento: {progress} avanzan, {regress} se facilitan, {hold} se mantienen, {pause} en pausa, {drop} se quitan (motivos en la columna Motivo y en el estado): edítelo como le parezca y luego guárdelo</translation>
    </message>
</context>
<context>
    <name>ComplaintHold</name>
    <message>
        <source>; left out of the handout while this complaint is coded</source>
        <translation>; fuera de la hoja de ejercicios mientras este cuadro clínico esté codificado</translation>
    </message>
    <message>
        <source>held back for the complaint</source>
        <translation>en pausa por el cuadro clínico</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>Worse</source>
        <translation>Peor</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Control deficit</source>
        <translation>Déficit de control</translation>
    </message>
    <message>
        <source>Movement faults</source>
        <translation>Fallos de movimiento</translation>
    </message>
    <message>
        <source>Below norm</source>
        <translation>Por debajo de la norma</translation>
    </message>
    <message>
        <source>Asymmetry</source>
        <translation>Asimetría</translation>
    </message>
    <message>
        <source>Past a reference point</source>
        <translation>Más allá de un punto de referencia</translation>
    </message>
    <message>
        <source>Above norm</source>
        <translation>Por encima de la norma</translation>
    </message>
    <message>
        <source>Improved</source>
        <translation>Mejor</translation>
    </message>
    <message>
        <source>Clinically important change</source>
        <translation>Cambio clínicamente importante</translation>
    </message>
    <message>
        <source>Worse or painful</source>
        <translation>Peor o doloroso</translation>
    </message>
    <message>
        <source>Control and movement faults</source>
        <translation>Control y fallos de movimiento</translation>
    </message>
    <message>
        <source>Norms and asymmetry</source>
        <translation>Normas y asimetría</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Evolución</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>the initial assessment of {date}</source>
        <translation>la evaluación inicial del {date}</translation>
    </message>
    <message>
        <source>the re-assessment of {date}</source>
        <translation>la reevaluación del {date}</translation>
    </message>
    <message>
        <source>the discharge assessment of {date}</source>
        <translation>la evaluación de alta del {date}</translation>
    </message>
    <message>
        <source>the screen of {date}</source>
        <translation>el cribado del {date}</translation>
    </message>
    <message>
        <source>the addendum of {date}</source>
        <translation>la adenda del {date}</translation>
    </message>
    <message>
        <source>{visit}, draft</source>
        <translation>{visit}, borrador</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Latest findings</source>
        <translation>Últimos hallazgos</translation>
    </message>
    <message>
        <source>No flags in the latest assessment</source>
        <translation>Sin alertas en la última evaluación</translation>
    </message>
    <message>
        <source>{name}: visit</source>
        <translation>{name}: visita</translation>
    </message>
    <message>
        <source>{name}: notes</source>
        <translation>{name}: notas</translation>
    </message>
    <message>
        <source>Findings from {visit}</source>
        <translation>Hallazgos de {visit}</translation>
    </message>
    <message>
        <source>{title}: 1 finding</source>
        <translation>{title}: 1 hallazgo</translation>
    </message>
    <message>
        <source>{title}: {count} findings</source>
        <translation>{title}: {count} hallazgos</translation>
    </message>
</context>
<context>
    <name>HandoutBar</name>
    <message>
        <source>Handout language</source>
        <translation>Idioma de la hoja de ejercicios</translation>
    </message>
    <message>
        <source>P&amp;hone size</source>
        <translation>Tamaño cel&amp;ular</translation>
    </message>
    <message>
        <source>Handout sized for a phone</source>
        <translation>Hoja con tamaño para celular</translation>
    </message>
    <message>
        <source>Pages sized for a phone&apos;s screen (one column, large type), to send by the clinic&apos;s email; the same content as the printed handout.</source>
        <translation>Páginas del tamaño de la pantalla de un celular (una columna, letra grande), para enviarlas por el correo de la clínica; el mismo contenido que la hoja impresa.</translation>
    </message>
    <message>
        <source>Pre&amp;view handout…</source>
        <translation>&amp;Vista previa de la hoja…</translation>
    </message>
    <message>
        <source>&amp;Print handout…</source>
        <translation>&amp;Imprimir hoja…</translation>
    </message>
    <message>
        <source>Save hando&amp;ut PDF…</source>
        <translation>Guardar hoja en &amp;PDF…</translation>
    </message>
    <message>
        <source>Handout &amp;language</source>
        <translation>Idio&amp;ma de la hoja</translation>
    </message>
    <message>
        <source>Handout written ({language})</source>
        <translation>Hoja de ejercicios escrita ({language})</translation>
    </message>
    <message>
        <source>note: {notes}</source>
        <translation>nota: {notes}</translation>
    </message>
    <message>
        <source>⚠ Handout not written: {error}</source>
        <translation>⚠ No se ha escrito la hoja de ejercicios: {error}</translation>
    </message>
    <message>
        <source>Writing the handout…</source>
        <translation>Escribiendo la hoja de ejercicios…</translation>
    </message>
    <message>
        <source>Save handout PDF</source>
        <translation>Guardar la hoja de ejercicios en PDF</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado {path}</translation>
    </message>
    <message>
        <source>Handout preview</source>
        <translation>Vista previa de la hoja de ejercicios</translation>
    </message>
    <message>
        <source>The handout opened in your PDF viewer (no renderer for a preview).</source>
        <translation>La hoja de ejercicios se ha abierto en su visor de PDF (no hay motor para la vista previa).</translation>
    </message>
    <message>
        <source>Print handout</source>
        <translation>Imprimir la hoja de ejercicios</translation>
    </message>
    <message>
        <source> of the handout</source>
        <translation> de la hoja de ejercicios</translation>
    </message>
</context>
<context>
    <name>LefsPanel</name>
    <message>
        <source>Usual work, housework or school activities</source>
        <translation>Su trabajo habitual, tareas domésticas o actividades escolares</translation>
    </message>
    <message>
        <source>Usual hobbies, recreational or sporting activities</source>
        <translation>Sus aficiones habituales, actividades recreativas o deportivas</translation>
    </message>
    <message>
        <source>Getting into or out of the bath</source>
        <translation>Entrar o salir de la bañera</translation>
    </message>
    <message>
        <source>Walking between rooms</source>
        <translation>Caminar de una habitación a otra</translation>
    </message>
    <message>
        <source>Putting on shoes or socks</source>
        <translation>Ponerse los zapatos o los calcetines</translation>
    </message>
    <message>
        <source>Squatting</source>
        <translation>Ponerse en cuclillas</translation>
    </message>
    <message>
        <source>Lifting an object, like a bag of groceries, from the floor</source>
        <translation>Levantar un objeto del suelo, como una bolsa de la compra</translation>
    </message>
    <message>
        <source>Light activities around the home</source>
        <translation>Realizar actividades ligeras en casa</translation>
    </message>
    <message>
        <source>Heavy activities around the home</source>
        <translation>Realizar actividades pesadas en casa</translation>
    </message>
    <message>
        <source>Getting into or out of a car</source>
        <translation>Entrar o salir de un coche</translation>
    </message>
    <message>
        <source>Walking 2 blocks</source>
        <translation>Caminar 2 manzanas</translation>
    </message>
    <message>
        <source>Walking a mile</source>
        <translation>Caminar 1,5 km</translation>
    </message>
    <message>
        <source>Going up or down 10 stairs</source>
        <translation>Subir o bajar 10 escalones</translation>
    </message>
    <message>
        <source>Standing for 1 hour</source>
        <translation>Estar de pie durante 1 hora</translation>
    </message>
    <message>
        <source>Sitting for 1 hour</source>
        <translation>Estar sentado durante 1 hora</translation>
    </message>
    <message>
        <source>Running on even ground</source>
        <translation>Correr en terreno llano</translation>
    </message>
    <message>
        <source>Running on uneven ground</source>
        <translation>Correr en terreno irregular</translation>
    </message>
    <message>
        <source>Making sharp turns while running fast</source>
        <translation>Hacer giros bruscos mientras corre rápido</translation>
    </message>
    <message>
        <source>Hopping</source>
        <translation>Saltar a la pata coja</translation>
    </message>
    <message>
        <source>Rolling over in bed</source>
        <translation>Darse la vuelta en la cama</translation>
    </message>
    <message>
        <source>LEFS (0 = extreme difficulty or unable … 4 = no difficulty)</source>
        <translation>LEFS (0 = dificultad extrema o incapaz … 4 = ninguna dificultad)</translation>
    </message>
    <message>
        <source>LEFS item {number}: {text}</source>
        <translation>Ítem {number} de la LEFS: {text}</translation>
    </message>
    <message>
        <source>LEFS total</source>
        <translation>Total LEFS</translation>
    </message>
    <message>
        <source>{typed} is outside 0–{top}</source>
        <translation>{typed} está fuera de 0–{top}</translation>
    </message>
    <message>
        <source>{typed} is not an answer; type 0–{top}</source>
        <translation>{typed} no es una respuesta; escriba 0–{top}</translation>
    </message>
    <message>
        <source>LEFS item {number}: {why} (0 = extreme difficulty … 4 = no difficulty) — not stored</source>
        <translation>Ítem {number} de la LEFS: {why} (0 = dificultad extrema … 4 = ninguna dificultad) — no se ha guardado</translation>
    </message>
    <message>
        <source>&lt;b&gt;LEFS total: {total} / 80&lt;/b&gt;</source>
        <translation>&lt;b&gt;Total LEFS: {total} / 80&lt;/b&gt;</translation>
    </message>
    <message>
        <source>LEFS total: — ({answered} of {items} items answered; running sum {sum})</source>
        <translation>Total LEFS: — ({answered} de {items} ítems respondidos; suma parcial {sum})</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Mobility</source>
        <translation>Movilidad</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Fuerza</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Carrera</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>Estiramiento</translation>
    </message>
    <message>
        <source>Hip</source>
        <translation>Cadera</translation>
    </message>
    <message>
        <source>Knee</source>
        <translation>Rodilla</translation>
    </message>
    <message>
        <source>Ankle</source>
        <translation>Tobillo</translation>
    </message>
    <message>
        <source>Foot</source>
        <translation>Pie</translation>
    </message>
    <message>
        <source>Hallux</source>
        <translation>Hallux</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Tronco</translation>
    </message>
    <message>
        <source>Thoracic</source>
        <translation>Torácica</translation>
    </message>
    <message>
        <source>Exercise li&amp;brary</source>
        <translation>&amp;Biblioteca de ejercicios</translation>
    </message>
    <message>
        <source>Search drills (English or Spanish)</source>
        <translation>Buscar ejercicios (en inglés o en español)</translation>
    </message>
    <message>
        <source>Search drills</source>
        <translation>Buscar ejercicios</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Todas las regiones</translation>
    </message>
    <message>
        <source>Exercise library</source>
        <translation>Biblioteca de ejercicios</translation>
    </message>
    <message>
        <source>Drills found</source>
        <translation>Ejercicios encontrados</translation>
    </message>
    <message>
        <source>Choose a drill to see how it is done.</source>
        <translation>Elija un ejercicio para ver cómo se hace.</translation>
    </message>
    <message>
        <source>Drill details</source>
        <translation>Detalles del ejercicio</translation>
    </message>
    <message>
        <source>Drill picture</source>
        <translation>Imagen del ejercicio</translation>
    </message>
    <message>
        <source>&amp;Add to program  (Enter)</source>
        <translation>&amp;Añadir al programa  (Intro)</translation>
    </message>
    <message>
        <source>Add drill to program</source>
        <translation>Añadir el ejercicio al programa</translation>
    </message>
    <message>
        <source>Own pi&amp;cture…</source>
        <translation>&amp;Foto propia…</translation>
    </message>
    <message>
        <source>Use the clinic&apos;s own PNG or JPEG picture for this drill (builder and handouts)</source>
        <translation>Usar una imagen PNG o JPEG propia de la clínica para este ejercicio (editor y hojas de ejercicios)</translation>
    </message>
    <message>
        <source>Drawn &amp;figure</source>
        <translation>Figura &amp;dibujada</translation>
    </message>
    <message>
        <source>Go back to the drawn figure for this drill</source>
        <translation>Volver a la figura dibujada para este ejercicio</translation>
    </message>
    <message>
        <source>The exercise library is not installed.</source>
        <translation>La biblioteca de ejercicios no está instalada.</translation>
    </message>
    <message>
        <source>{found} of 1 drill</source>
        <translation>{found} de 1 ejercicio</translation>
    </message>
    <message>
        <source>{found} of {total} drills</source>
        <translation>{found} de {total} ejercicios</translation>
    </message>
    <message>
        <source>No drill matches.</source>
        <translation>Ningún ejercicio coincide.</translation>
    </message>
    <message>
        <source>Picture for {drill}</source>
        <translation>Imagen para {drill}</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>⚠ Picture not used: {error}</source>
        <translation>⚠ No se ha usado la imagen: {error}</translation>
    </message>
    <message>
        <source>{file} is now the picture for {drill}</source>
        <translation>{file} es ahora la imagen de {drill}</translation>
    </message>
    <message>
        <source>{drill} shows the drawn figure again</source>
        <translation>{drill} vuelve a mostrar la figura dibujada</translation>
    </message>
</context>
<context>
    <name>LiveFindingsPanel</name>
    <message>
        <source>Findings as typed</source>
        <translation>Hallazgos según se escriben</translation>
    </message>
    <message>
        <source>Nothing flagged so far</source>
        <translation>Nada señalado por ahora</translation>
    </message>
    <message>
        <source>Findings as typed — {visit}</source>
        <translation>Hallazgos según se escriben — {visit}</translation>
    </message>
    <message>
        <source>⚠ Not interpreted</source>
        <translation>⚠ No interpretado</translation>
    </message>
</context>
<context>
    <name>MeasureGrid</name>
    <message>
        <source>Type a value · Tab or Enter: next cell · arrows: move · P: painful on/off · Delete: clear · Ctrl+Z / Ctrl+Shift+Z: undo / redo.</source>
        <translation>Escriba un valor · Tab o Intro: celda siguiente · flechas: moverse · P: doloroso sí/no · Supr: borrar · Ctrl+Z / Ctrl+Mayús+Z: deshacer / rehacer.</translation>
    </message>
    <message>
        <source>{below} below norm · {above} above norm · {control} control deficit · {asymmetry} asymmetry · {better} / {worse} better / worse than last visit · {pain} painful · {error} not stored</source>
        <translation>{below} bajo la norma · {above} sobre la norma · {control} déficit de control · {asymmetry} asimetría · {better} / {worse} mejor / peor que la última visita · {pain} doloroso · {error} no guardado</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izq.</translation>
    </message>
    <message>
        <source>right</source>
        <translation>der.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>passive</source>
        <translation>pasivo</translation>
    </message>
</context>
<context>
    <name>MeasureGridModel</name>
    <message>
        <source>{value} {mark} not stored</source>
        <translation>{value} {mark} no guardado</translation>
    </message>
    <message>
        <source>{mark} not stored</source>
        <translation>{mark} no guardado</translation>
    </message>
    <message>
        <source>(last {value})</source>
        <translation>(última {value})</translation>
    </message>
    <message>
        <source>{cell}: {value} not stored — {reason} Press Enter on the cell to try again.</source>
        <translation>{cell}: {value} no guardado — {reason} Pulse Intro en la celda para volver a intentarlo.</translation>
    </message>
    <message>
        <source>{cell}: not stored — {reason}</source>
        <translation>{cell}: no guardado — {reason}</translation>
    </message>
    <message>
        <source>{cell}: empty</source>
        <translation>{cell}: vacío</translation>
    </message>
    <message>
        <source>painful</source>
        <translation>doloroso</translation>
    </message>
    <message>
        <source>last visit {value}</source>
        <translation>última visita {value}</translation>
    </message>
    <message>
        <source>not measured on this side</source>
        <translation>no se mide en este lado</translation>
    </message>
</context>
<context>
    <name>MediaGuidance</name>
    <message>
        <source>Camera square to the plane of the movement: side-on for flexion and extension, front or back for frontal-plane angles. A tilted camera changes the angle.</source>
        <translation>Cámara perpendicular al plano del movimiento: de lado para flexión y extensión, de frente o de espaldas para ángulos del plano frontal. Una cámara inclinada cambia el ángulo.</translation>
    </message>
    <message>
        <source>Camera 2–3 m away, level with the joint being measured, on a tripod or a steady surface, with the whole limb in the picture.</source>
        <translation>Cámara a 2–3 m, a la altura de la articulación que se mide, en un trípode o una superficie firme, con todo el miembro en la imagen.</translation>
    </message>
    <message>
        <source>Tight or rolled-up clothing, skin or tape marks on the landmarks (for example the greater trochanter, the lateral knee joint line, the lateral malleolus).</source>
        <translation>Ropa ajustada o arremangada, marcas en la piel o con cinta sobre los puntos de referencia (por ejemplo el trocánter mayor, la interlínea articular lateral de la rodilla, el maléolo lateral).</translation>
    </message>
    <message>
        <source>For distances, a marked reference of known length in the same plane (a ruler, or tape marks 50 cm apart on the floor or wall); calibrate on it before measuring.</source>
        <translation>Para distancias, una referencia marcada de longitud conocida en el mismo plano (una regla, o marcas de cinta a 50 cm en el piso o la pared); calibre sobre ella antes de medir.</translation>
    </message>
    <message>
        <source>Video: good light, the fastest frame rate the phone offers for running, and the same set-up at every visit so the values can be compared.</source>
        <translation>Video: buena luz, la mayor frecuencia de cuadros que ofrezca el teléfono para la carrera, y la misma preparación en cada evaluación para poder comparar los valores.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Angles from photos and video&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Ángulos en fotos y video&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;In an assessment, &lt;i&gt;Image/video…&lt;/i&gt; (Ctrl+Shift+I) opens a photo or a phone video. Step a video with the arrow keys, choose a tool, click the points (a magnifier follows the mouse), drag them or select one and nudge it with the arrow keys (Shift: 10 pixels). &lt;i&gt;Save to assessment&lt;/i&gt; stores the value with the instrument &apos;photo&apos; or &apos;video&apos; and keeps the annotated still with it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;En una evaluación, &lt;i&gt;Imagen/video…&lt;/i&gt; (Ctrl+Mayús+I) abre una foto o un video del teléfono. Avance el video cuadro a cuadro con las flechas, elija una herramienta, haga clic en los puntos (una lupa sigue al ratón), arrástrelos o seleccione uno y desplácelo con las flechas (Mayús: 10 píxeles). &lt;i&gt;Guardar en la evaluación&lt;/i&gt; guarda el valor con el instrumento &apos;photo&apos; o &apos;video&apos; y conserva con él el fotograma anotado.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Without a mouse: Enter places the next point in the middle of the picture, selected; move it with the arrow keys, and Tab picks another point.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sin ratón: Intro coloca el siguiente punto en el centro de la imagen, seleccionado; muévalo con las flechas, y Tab elige otro punto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Taking a picture that can be measured:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cómo tomar una imagen que se pueda medir:&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MediaWindow</name>
    <message>
        <source>Three-point angle</source>
        <translation>Ángulo de tres puntos</translation>
    </message>
    <message>
        <source>Goniometer (stationary, moving arm)</source>
        <translation>Goniómetro (brazo fijo, brazo móvil)</translation>
    </message>
    <message>
        <source>Angle to the vertical</source>
        <translation>Ángulo con la vertical</translation>
    </message>
    <message>
        <source>Angle to the horizontal</source>
        <translation>Ángulo con la horizontal</translation>
    </message>
    <message>
        <source>Distance (cm)</source>
        <translation>Distancia (cm)</translation>
    </message>
    <message>
        <source>Click an end, the joint, the other end.</source>
        <translation>Haga clic en un extremo, la articulación y el otro extremo.</translation>
    </message>
    <message>
        <source>Click the axis, the stationary arm&apos;s end, the moving arm&apos;s end.</source>
        <translation>Haga clic en el eje, el extremo del brazo fijo y el extremo del brazo móvil.</translation>
    </message>
    <message>
        <source>Click both ends of the segment.</source>
        <translation>Haga clic en ambos extremos del segmento.</translation>
    </message>
    <message>
        <source>Mark the reference line first, then click both ends.</source>
        <translation>Marque primero la línea de referencia y luego haga clic en ambos extremos.</translation>
    </message>
    <message>
        <source>Image/video — measure on a picture</source>
        <translation>Imagen/video — medir en una imagen</translation>
    </message>
    <message>
        <source>&amp;Open photo or video…</source>
        <translation>&amp;Abrir foto o video…</translation>
    </message>
    <message>
        <source>Setting up the camera</source>
        <translation>Preparación de la cámara</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Entendido</translation>
    </message>
    <message>
        <source>Camera set-up…</source>
        <translation>Preparación de la cámara…</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Herramienta</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Signed (+ counter-clockwise)</source>
        <translation>Con signo (+ antihorario)</translation>
    </message>
    <message>
        <source>Supplementary (180° − angle)</source>
        <translation>Suplementario (180° − ángulo)</translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation>Borrar puntos</translation>
    </message>
    <message>
        <source>Calibration (distances)</source>
        <translation>Calibración (distancias)</translation>
    </message>
    <message>
        <source>Mark reference line</source>
        <translation>Marcar línea de referencia</translation>
    </message>
    <message>
        <source>Its length:</source>
        <translation>Su longitud:</translation>
    </message>
    <message>
        <source>Into the assessment</source>
        <translation>En la evaluación</translation>
    </message>
    <message>
        <source>Measure:</source>
        <translation>Medida:</translation>
    </message>
    <message>
        <source>Side:</source>
        <translation>Lado:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modo:</translation>
    </message>
    <message>
        <source>&amp;Save to assessment</source>
        <translation>&amp;Guardar en la evaluación</translation>
    </message>
    <message>
        <source>{test} (still beside the findings)</source>
        <translation>{test} (fotograma junto a los hallazgos)</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierdo</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecho</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>passive</source>
        <translation>pasivo</translation>
    </message>
    <message>
        <source>This assessment is signed: measure, but values cannot be saved here.</source>
        <translation>Esta evaluación está firmada: puede medir, pero aquí no se pueden guardar valores.</translation>
    </message>
    <message>
        <source>Only a therapist saves values into an assessment.</source>
        <translation>Solo un fisioterapeuta guarda valores en una evaluación.</translation>
    </message>
    <message>
        <source>Open a photo or a video</source>
        <translation>Abrir una foto o un video</translation>
    </message>
    <message>
        <source>Photos and videos (*.jpg *.jpeg *.png *.mp4 *.mov *.m4v);;All files (*)</source>
        <translation>Fotos y videos (*.jpg *.jpeg *.png *.mp4 *.mov *.m4v);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Abriendo {name}…</translation>
    </message>
    <message>
        <source>Photo {w} × {h}: place the points.</source>
        <translation>Foto de {w} × {h}: coloque los puntos.</translation>
    </message>
    <message>
        <source>Video {w} × {h}, {n} frames: step to the frame, then “Use this frame”.</source>
        <translation>Video de {w} × {h}, {n} cuadros: vaya al cuadro y luego «Usar este cuadro».</translation>
    </message>
    <message>
        <source>The still as it was measured; move a point to measure again.</source>
        <translation>El fotograma tal como se midió; mueva un punto para medir de nuevo.</translation>
    </message>
    <message>
        <source>Still: frame {n} at {t:.2f} s. Place the points, then save.</source>
        <translation>Fotograma: cuadro {n} a {t:.2f} s. Coloque los puntos y luego guarde.</translation>
    </message>
    <message>
        <source>Choose the frame first: “Use this frame”.</source>
        <translation>Elija primero el cuadro: «Usar este cuadro».</translation>
    </message>
    <message>
        <source>Place every point of the tool first.</source>
        <translation>Coloque primero todos los puntos de la herramienta.</translation>
    </message>
    <message>
        <source>Still kept with {test} ({side}).</source>
        <translation>Fotograma guardado con {test} ({side}).</translation>
    </message>
    <message>
        <source>Saved {value} to {measure} ({side}, {mode}) with the still.</source>
        <translation>Se guardó {value} en {measure} ({side}, {mode}) con el fotograma.</translation>
    </message>
</context>
<context>
    <name>MotorControlPanel</name>
    <message>
        <source>good</source>
        <translation>bueno</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>regular</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>malo</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierdo</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecho</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>sin calificar</translation>
    </message>
    <message>
        <source>{test} {side} rating</source>
        <translation>{test} {side}: calificación</translation>
    </message>
</context>
<context>
    <name>ProgramBuilder</name>
    <message>
        <source>Home program — {name} ({chart})</source>
        <translation>Programa de ejercicios en casa — {name} ({chart})</translation>
    </message>
    <message>
        <source>Reading the latest saved program…</source>
        <translation>Leyendo el último programa guardado…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Load t&amp;emplate…</source>
        <translation>&amp;Cargar plantilla…</translation>
    </message>
    <message>
        <source>Save as te&amp;mplate…</source>
        <translation>Guardar como p&amp;lantilla…</translation>
    </message>
    <message>
        <source>&amp;Save program (Ctrl+S)</source>
        <translation>&amp;Guardar programa (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Save program</source>
        <translation>Guardar programa</translation>
    </message>
    <message>
        <source>Print handout</source>
        <translation>Imprimir la hoja de ejercicios</translation>
    </message>
    <message>
        <source>Search drills</source>
        <translation>Buscar ejercicios</translation>
    </message>
    <message>
        <source>Working out the recommended drills…</source>
        <translation>Calculando los ejercicios recomendados…</translation>
    </message>
    <message>
        <source>Recommended 1 drill</source>
        <translation>1 ejercicio recomendado</translation>
    </message>
    <message>
        <source>Recommended {count} drills</source>
        <translation>{count} ejercicios recomendados</translation>
    </message>
    <message>
        <source>(1 already in the program)</source>
        <translation>(1 ya estaba en el programa)</translation>
    </message>
    <message>
        <source>({count} already in the program)</source>
        <translation>({count} ya estaban en el programa)</translation>
    </message>
    <message>
        <source>Saved template “{name}” with 1 drill</source>
        <translation>Plantilla «{name}» guardada con 1 ejercicio</translation>
    </message>
    <message>
        <source>Saved template “{name}” with {count} drills</source>
        <translation>Plantilla «{name}» guardada con {count} ejercicios</translation>
    </message>
    <message>
        <source>{name} (1 drill)</source>
        <translation>{name} (1 ejercicio)</translation>
    </message>
    <message>
        <source>{name} ({count} drills)</source>
        <translation>{name} ({count} ejercicios)</translation>
    </message>
    <message>
        <source>Replace the 1 drill shown with “{name}”?</source>
        <translation>¿Sustituir el ejercicio mostrado por «{name}»?</translation>
    </message>
    <message>
        <source>Replace the {count} drills shown with “{name}”?</source>
        <translation>¿Sustituir los {count} ejercicios mostrados por «{name}»?</translation>
    </message>
    <message>
        <source>: a suggestion, edit as you see fit</source>
        <translation>: es una sugerencia, modifíquela como considere</translation>
    </message>
    <message>
        <source>Home program</source>
        <translation>Programa de ejercicios en casa</translation>
    </message>
    <message>
        <source>⚠ Add drills before saving a template.</source>
        <translation>⚠ Añada ejercicios antes de guardar una plantilla.</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Guardar como plantilla</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Nombre de la plantilla:</translation>
    </message>
    <message>
        <source>Runner hip program</source>
        <translation>Programa de cadera para corredores</translation>
    </message>
    <message>
        <source>⚠ Template not saved: {error}</source>
        <translation>⚠ No se ha guardado la plantilla: {error}</translation>
    </message>
    <message>
        <source>Saving the template…</source>
        <translation>Guardando la plantilla…</translation>
    </message>
    <message>
        <source>No templates yet: build a program and use Save as template.</source>
        <translation>Aún no hay plantillas: cree un programa y use Guardar como plantilla.</translation>
    </message>
    <message>
        <source>Load template</source>
        <translation>Cargar plantilla</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Plantilla:</translation>
    </message>
    <message>
        <source>Replace the program?</source>
        <translation>¿Sustituir el programa?</translation>
    </message>
    <message>
        <source>Loaded template “{name}”: save to keep it for this client</source>
        <translation>Plantilla «{name}» cargada: guarde para conservarla para este cliente</translation>
    </message>
    <message>
        <source>Save before printing?</source>
        <translation>¿Guardar antes de imprimir?</translation>
    </message>
    <message>
        <source>The handout prints a saved program. Save this program for the client now?</source>
        <translation>La hoja de ejercicios imprime un programa guardado. ¿Guardar ahora este programa para el cliente?</translation>
    </message>
    <message>
        <source>Unsaved program</source>
        <translation>Programa sin guardar</translation>
    </message>
    <message>
        <source>Save the program before closing?</source>
        <translation>¿Guardar el programa antes de cerrar?</translation>
    </message>
    <message>
        <source>The latest saved program ({date}) was not shown: the program was changed meanwhile.</source>
        <translation>No se ha mostrado el último programa guardado ({date}): el programa se cambió mientras tanto.</translation>
    </message>
    <message>
        <source>Latest saved program of {date}: 1 drill</source>
        <translation>Último programa guardado del {date}: 1 ejercicio</translation>
    </message>
    <message>
        <source>Latest saved program of {date}: {count} drills</source>
        <translation>Último programa guardado del {date}: {count} ejercicios</translation>
    </message>
    <message>
        <source>No saved program yet: add drills, or press Recommend.</source>
        <translation>Aún no hay ningún programa guardado: añada ejercicios o pulse Recomendar.</translation>
    </message>
    <message>
        <source>Saving the program…</source>
        <translation>Guardando el programa…</translation>
    </message>
    <message>
        <source>Saved home program of {date} with 1 drill</source>
        <translation>Guardado el programa en casa del {date} con 1 ejercicio</translation>
    </message>
    <message>
        <source>Saved home program of {date} with {count} drills</source>
        <translation>Guardado el programa en casa del {date} con {count} ejercicios</translation>
    </message>
    <message>
        <source>⚠ Not saved: {error}</source>
        <translation>⚠ No se ha guardado: {error}</translation>
    </message>
</context>
<context>
    <name>ProgramModel</name>
    <message>
        <source>Drill</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Rep.</translation>
    </message>
    <message>
        <source>Hold (s)</source>
        <translation>Mant. (s)</translation>
    </message>
    <message>
        <source>Distance (m)</source>
        <translation>Distancia (m)</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Tiempo (s)</translation>
    </message>
    <message>
        <source>Rest (s)</source>
        <translation>Descanso (s)</translation>
    </message>
    <message>
        <source>Each side</source>
        <translation>Cada lado</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Carga</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <source>Days a week</source>
        <translation>Días por semana</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>The handout prints these notes with the pain caution: this drill moves a motion or test marked painful at the latest assessment.</source>
        <translation>La hoja imprime estas notas con la advertencia de dolor: este ejercicio trabaja un movimiento o una prueba que se marcó como dolorosa en la última evaluación.</translation>
    </message>
    <message>
        <source>each side</source>
        <translation>cada lado</translation>
    </message>
    <message>
        <source>both together</source>
        <translation>ambos a la vez</translation>
    </message>
    <message>
        <source>⚠ {field} {typed} not stored for {drill}: give a whole number from 1 to {high}</source>
        <translation>⚠ {field} {typed} no guardado para {drill}: indique un número entero de 1 a {high}</translation>
    </message>
    <message>
        <source>(kept {value})</source>
        <translation>(se mantiene {value})</translation>
    </message>
</context>
<context>
    <name>ProgramPanel</name>
    <message>
        <source>Program for {name}</source>
        <translation>Programa para {name}</translation>
    </message>
    <message>
        <source>Home program</source>
        <translation>Programa de ejercicios en casa</translation>
    </message>
    <message>
        <source>Program title</source>
        <translation>Título del programa</translation>
    </message>
    <message>
        <source>Program date</source>
        <translation>Fecha del programa</translation>
    </message>
    <message>
        <source>Weeks until the next visit</source>
        <translation>Semanas hasta la próxima visita</translation>
    </message>
    <message>
        <source>The handout&apos;s tracker has a column of boxes for each week until then.</source>
        <translation>El registro de la hoja tiene una columna de casillas por cada semana hasta entonces.</translation>
    </message>
    <message>
        <source>Program drills</source>
        <translation>Ejercicios del programa</translation>
    </message>
    <message>
        <source>Show every dose column</source>
        <translation>Mostrar todas las columnas de dosis</translation>
    </message>
    <message>
        <source>&amp;Recommend</source>
        <translation>&amp;Recomendar</translation>
    </message>
    <message>
        <source>Recommend drills from the latest assessment</source>
        <translation>Recomendar ejercicios a partir de la última evaluación</translation>
    </message>
    <message>
        <source>Adds the drills suggested by the latest assessment, with the reason for each. Keep, remove, reorder or re-dose them as you see fit.</source>
        <translation>Añade los ejercicios que sugiere la última evaluación, con el motivo de cada uno. Consérvelos, quítelos, reordénelos o cambie su dosificación como considere.</translation>
    </message>
    <message>
        <source>Remove (Del)</source>
        <translation>Quitar (Supr)</translation>
    </message>
    <message>
        <source>Up (Ctrl+↑)</source>
        <translation>Subir (Ctrl+↑)</translation>
    </message>
    <message>
        <source>Down (Ctrl+↓)</source>
        <translation>Bajar (Ctrl+↓)</translation>
    </message>
    <message>
        <source>Remove drill</source>
        <translation>Quitar ejercicio</translation>
    </message>
    <message>
        <source>Move drill up</source>
        <translation>Subir ejercicio</translation>
    </message>
    <message>
        <source>Move drill down</source>
        <translation>Bajar ejercicio</translation>
    </message>
    <message>
        <source>Time the program takes</source>
        <translation>Tiempo que lleva el programa</translation>
    </message>
    <message>
        <source>Estimated from the doses: about 3 s a repetition (or the tempo&apos;s seconds), holds and times as given, about 1 s a metre, both sides when done on each side, and the rest between sets (30 s when none is given). Warming up and moving between drills are not counted.</source>
        <translation>Estimado a partir de las dosis: unos 3 s por repetición (o los segundos del ritmo), los sostenidos y tiempos indicados, alrededor de 1 s por metro, ambos lados cuando se hace por lado, y el descanso entre series (30 s si no se indica). No se cuentan el calentamiento ni el paso de un ejercicio a otro.</translation>
    </message>
    <message>
        <source>Number of drills</source>
        <translation>Número de ejercicios</translation>
    </message>
    <message>
        <source>The handout prints the drills in this order: put the most important first.</source>
        <translation>La hoja imprime los ejercicios en este orden: ponga primero los más importantes.</translation>
    </message>
    <message>
        <source>Why these drills</source>
        <translation>Por qué estos ejercicios</translation>
    </message>
    <message>
        <source>Program notes</source>
        <translation>Notas del programa</translation>
    </message>
    <message>
        <source>Notes for the client (printed on the handout)</source>
        <translation>Notas para el cliente (se imprimen en la hoja de ejercicios)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>F&amp;echa</translation>
    </message>
    <message>
        <source>&amp;Weeks to next visit</source>
        <translation>&amp;Semanas hasta la próxima visita</translation>
    </message>
    <message>
        <source>N&amp;otes for the client</source>
        <translation>&amp;Notas para el cliente</translation>
    </message>
    <message>
        <source>Added {drills}</source>
        <translation>Añadido: {drills}</translation>
    </message>
    <message>
        <source>Removed {drill}</source>
        <translation>Quitado: {drill}</translation>
    </message>
    <message>
        <source>Why these drills:</source>
        <translation>Por qué estos ejercicios:</translation>
    </message>
    <message>
        <source>⚠ {count} drills. Clients keep up with fewer drills more often: consider three or four, the most important first. (A suggestion; the program can be saved as it is.)</source>
        <translation>⚠ {count} ejercicios. Los clientes cumplen más a menudo con menos ejercicios: considere tres o cuatro, los más importantes primero. (Es una sugerencia; el programa se puede guardar tal como está.)</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Measure over time</source>
        <translation>Medida a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Asymmetry (left against right)</source>
        <translation>Asimetría (izquierda frente a derecha)</translation>
    </message>
    <message>
        <source>Profile (percent of norm)</source>
        <translation>Perfil (porcentaje de la norma)</translation>
    </message>
    <message>
        <source>Outcome scores over time</source>
        <translation>Escalas de resultados a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Home program done, beside the LEFS</source>
        <translation>Programa en casa realizado, junto a la LEFS</translation>
    </message>
    <message>
        <source>Point at a value on the chart, or read them all in the table below.</source>
        <translation>Señale un valor en el gráfico o léalos todos en la tabla de abajo.</translation>
    </message>
    <message>
        <source> … (hover for all)</source>
        <translation> … (pase el puntero para verlo todo)</translation>
    </message>
    <message>
        <source>Chart kind</source>
        <translation>Tipo de gráfico</translation>
    </message>
    <message>
        <source>Chart &amp;kind</source>
        <translation>Tipo de &amp;gráfico</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>&amp;Measure</source>
        <translation>&amp;Medida</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <source>Save this chart as PNG, SVG or PDF</source>
        <translation>Guardar este gráfico como PNG, SVG o PDF</translation>
    </message>
    <message>
        <source>Chart status</source>
        <translation>Estado del gráfico</translation>
    </message>
    <message>
        <source>Value under the pointer</source>
        <translation>Valor bajo el puntero</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>Choose a client to see their progress.</source>
        <translation>Elija un cliente para ver su evolución.</translation>
    </message>
    <message>
        <source>Plotted values</source>
        <translation>Valores representados</translation>
    </message>
    <message>
        <source>Plotted &amp;values</source>
        <translation>Valores representa&amp;dos</translation>
    </message>
    <message>
        <source>Loading the chart…</source>
        <translation>Cargando el gráfico…</translation>
    </message>
    <message>
        <source>The chart could not be drawn: {error}</source>
        <translation>No se ha podido dibujar el gráfico: {error}</translation>
    </message>
    <message>
        <source>1 value, listed in the table below</source>
        <translation>1 valor, en la tabla de abajo</translation>
    </message>
    <message>
        <source>{count} values, listed in the table below</source>
        <translation>{count} valores, en la tabla de abajo</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>Imagen PNG (*.png);;Dibujo SVG (*.svg);;Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not exported: {error}</source>
        <translation>No se ha exportado: {error}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportado a {path}</translation>
    </message>
</context>
<context>
    <name>PsfsPanel</name>
    <message>
        <source>PSFS — activities the client finds hard (0 = unable … 10 = as before)</source>
        <translation>PSFS — actividades que al cliente le cuestan (0 = incapaz … 10 = como antes)</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Rating 0–10</source>
        <translation>Puntuación 0–10</translation>
    </message>
    <message>
        <source>PSFS activity {number}</source>
        <translation>Actividad {number} de la PSFS</translation>
    </message>
    <message>
        <source>e.g. running 10 km</source>
        <translation>p. ej., correr 10 km</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>PSFS rating {number}</source>
        <translation>Puntuación {number} de la PSFS</translation>
    </message>
    <message>
        <source>PSFS average</source>
        <translation>Media de la PSFS</translation>
    </message>
    <message>
        <source>The activities named on {date}: ask the client to rate each again.</source>
        <translation>Las actividades nombradas el {date}: pida al cliente que vuelva a puntuar cada una.</translation>
    </message>
    <message>
        <source>PSFS rating {number}: {text} is not a whole number 0–{top} — not stored</source>
        <translation>Puntuación {number} de la PSFS: {text} no es un número entero de 0 a {top} — no se ha guardado</translation>
    </message>
    <message>
        <source>PSFS rating {number}: {value} is outside 0–{top} (0 = unable, 10 = as before) — not stored</source>
        <translation>Puntuación {number} de la PSFS: {value} está fuera de 0–{top} (0 = incapaz, 10 = como antes) — no se ha guardado</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;PSFS average: {average} / 10&lt;/b&gt; (%n activities)</source>
        <translation>
            <numerusform>&lt;b&gt;Media de la PSFS: {average} / 10&lt;/b&gt; (%n actividad)</numerusform>
            <numerusform>&lt;b&gt;Media de la PSFS: {average} / 10&lt;/b&gt; (%n actividades)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PSFS average: — ({rated} of %n activities rated; {low}–{high} needed)</source>
        <translation>
            <numerusform>Media de la PSFS: — ({rated} de %n actividad puntuada; se necesitan {low}–{high})</numerusform>
            <numerusform>Media de la PSFS: — ({rated} de %n actividades puntuadas; se necesitan {low}–{high})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StillsList</name>
    <message>
        <source>Stills in this visit</source>
        <translation>Fotogramas de esta evaluación</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>Abrir de nuevo</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove this still from the visit? The value it gave stays in the grid; clear it there if it should go too.</source>
        <translation>¿Quitar este fotograma de la evaluación? El valor que dio se queda en la tabla; bórrelo allí si también debe irse.</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Runner screen</source>
        <translation>Cribado del corredor</translation>
    </message>
    <message>
        <source>Hip</source>
        <translation>Cadera</translation>
    </message>
    <message>
        <source>Knee</source>
        <translation>Rodilla</translation>
    </message>
    <message>
        <source>Ankle–foot</source>
        <translation>Tobillo–pie</translation>
    </message>
    <message>
        <source>Full lower limb</source>
        <translation>Miembro inferior completo</translation>
    </message>
    <message>
        <source>Runner test battery</source>
        <translation>Batería de pruebas para corredores</translation>
    </message>
    <message>
        <source>Assessment templates</source>
        <translation>Plantillas de evaluación</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation>&amp;Plantillas</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nombre de la plantilla</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Measures in the template</source>
        <translation>Medidas de la plantilla</translation>
    </message>
    <message>
        <source>&amp;Measures, in order (Alt+↑/↓ move, Delete removes)</source>
        <translation>&amp;Medidas, en orden (Alt+↑/↓ mueve, Supr quita)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Find a measure to add</source>
        <translation>Buscar una medida para añadir</translation>
    </message>
    <message>
        <source>type part of a name, e.g. ankle</source>
        <translation>escriba parte de un nombre, p. ej., tobillo</translation>
    </message>
    <message>
        <source>&amp;Find a measure to add</source>
        <translation>Busca&amp;r una medida para añadir</translation>
    </message>
    <message>
        <source>Catalogue measures</source>
        <translation>Medidas del catálogo</translation>
    </message>
    <message>
        <source>A&amp;dd (Enter)</source>
        <translation>Aña&amp;dir (Intro)</translation>
    </message>
    <message>
        <source>&amp;Copy as a clinic template</source>
        <translation>&amp;Copiar como plantilla de la clínica</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>D&amp;elete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Cerr&amp;ar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>{name} (built-in)</source>
        <translation>{name} (de serie)</translation>
    </message>
    <message>
        <source>Discard the changes not saved?</source>
        <translation>¿Descartar los cambios sin guardar?</translation>
    </message>
    <message>
        <source>{code} (not in catalogue)</source>
        <translation>{code} (no está en el catálogo)</translation>
    </message>
    <message>
        <source>Templates are shown here; only therapists change them (you are signed in as {role}).</source>
        <translation>Aquí se muestran las plantillas; solo los fisioterapeutas las cambian (ha iniciado sesión como {role}).</translation>
    </message>
    <message>
        <source>A built-in template cannot be changed: Copy makes a clinic template from it to change and save.</source>
        <translation>Una plantilla de serie no se puede cambiar: Copiar crea a partir de ella una plantilla de la clínica para cambiarla y guardarla.</translation>
    </message>
    <message>
        <source>A clinic template: rename it, add, remove or reorder its measures, then Save. Assessments already laid out by it keep their values.</source>
        <translation>Una plantilla de la clínica: cámbiele el nombre, añada, quite o reordene sus medidas y después pulse Guardar. Las evaluaciones ya organizadas con ella conservan sus valores.</translation>
    </message>
    <message>
        <source>{measure} moved to place {place}</source>
        <translation>{measure} movida al puesto {place}</translation>
    </message>
    <message>
        <source>Removed {measure}</source>
        <translation>Quitada: {measure}</translation>
    </message>
    <message>
        <source>No measure matches what is typed</source>
        <translation>Ninguna medida coincide con lo escrito</translation>
    </message>
    <message>
        <source>Added {measure}</source>
        <translation>Añadida: {measure}</translation>
    </message>
    <message>
        <source>{name} (clinic)</source>
        <translation>{name} (clínica)</translation>
    </message>
    <message>
        <source>{name} (clinic {number})</source>
        <translation>{name} (clínica {number})</translation>
    </message>
    <message>
        <source>A copy of {name}: name it, change its measures, then Save</source>
        <translation>Una copia de {name}: póngale nombre, cambie sus medidas y después pulse Guardar</translation>
    </message>
    <message>
        <source>{error} — not saved</source>
        <translation>{error} — no se ha guardado</translation>
    </message>
    <message>
        <source>Saved {name} (1 measure)</source>
        <translation>Guardada {name} (1 medida)</translation>
    </message>
    <message>
        <source>Saved {name} ({count} measures)</source>
        <translation>Guardada {name} ({count} medidas)</translation>
    </message>
    <message>
        <source>Deleted {name}; 1 assessment laid out by it now shows every measure</source>
        <translation>Eliminada {name}; 1 evaluación organizada con ella muestra ahora todas las medidas</translation>
    </message>
    <message>
        <source>Deleted {name}; {count} assessments laid out by it now show every measure</source>
        <translation>Eliminada {name}; {count} evaluaciones organizadas con ella muestran ahora todas las medidas</translation>
    </message>
    <message>
        <source>Delete the template {name}? This cannot be undone.</source>
        <translation>¿Eliminar la plantilla {name}? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Deleted {name}</source>
        <translation>Eliminada {name}</translation>
    </message>
    <message>
        <source>Close without saving the changes?</source>
        <translation>¿Cerrar sin guardar los cambios?</translation>
    </message>
</context>
<context>
    <name>TreatmentEntryRow</name>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Cancel change</source>
        <translation>Cancelar el cambio</translation>
    </message>
    <message>
        <source>Kind of treatment</source>
        <translation>Tipo de tratamiento</translation>
    </message>
    <message>
        <source>Joint or region</source>
        <translation>Articulación o región</translation>
    </message>
    <message>
        <source>Direction, technique, what was trained or cue</source>
        <translation>Dirección, técnica, qué se entrenó o indicación</translation>
    </message>
    <message>
        <source>Grade (Maitland I–V)</source>
        <translation>Grado (Maitland I–V)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Lado</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Joint / region</source>
        <translation>Articulación / región</translation>
    </message>
    <message>
        <source>Direction / technique / cue</source>
        <translation>Dirección / técnica / indicación</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <source>Joint</source>
        <translation>Articulación</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Direction (optional)</source>
        <translation>Dirección (opcional)</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>Técnica</translation>
    </message>
    <message>
        <source>What was trained</source>
        <translation>Qué se entrenó</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Indicación</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Save change</source>
        <translation>Guardar el cambio</translation>
    </message>
</context>
<context>
    <name>TreatmentPanel</name>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Joint / region</source>
        <translation>Articulación / región</translation>
    </message>
    <message>
        <source>Direction / technique / cue</source>
        <translation>Dirección / técnica / indicación</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <source>Treatment not saved</source>
        <translation>Tratamiento no guardado</translation>
    </message>
    <message>
        <source>Enter adds the treatment. In the list: Enter or F2 changes a treatment, Delete removes it.</source>
        <translation>Intro añade el tratamiento. En la lista: Intro o F2 cambia un tratamiento, Supr lo quita.</translation>
    </message>
    <message>
        <source>Treatments given in this visit</source>
        <translation>Tratamientos realizados en esta evaluación</translation>
    </message>
    <message>
        <source>This assessment is signed: add an addendum to correct it</source>
        <translation>Esta evaluación está firmada: añada una adenda para corregirla</translation>
    </message>
    <message>
        <source>This treatment was changed or removed elsewhere meanwhile: the list now shows what is stored. Yours was not saved.</source>
        <translation>Este tratamiento se cambió o se quitó en otro lugar mientras tanto: la lista muestra ahora lo guardado. El suyo no se guardó.</translation>
    </message>
    <message>
        <source>{reason} — not stored; press Enter to try again.</source>
        <translation>{reason} — no guardado; pulse Intro para intentarlo de nuevo.</translation>
    </message>
    <message>
        <source>This treatment was changed or removed elsewhere meanwhile: the list now shows what is stored. Nothing was removed.</source>
        <translation>Este tratamiento se cambió o se quitó en otro lugar mientras tanto: la lista muestra ahora lo guardado. No se quitó nada.</translation>
    </message>
    <message>
        <source>{reason} — not removed; press Delete to try again.</source>
        <translation>{reason} — no se quitó; pulse Supr para intentarlo de nuevo.</translation>
    </message>
</context>
<context>
    <name>ValueProblem</name>
    <message>
        <source>{cell}: “{text}” is not a number</source>
        <translation>{cell}: «{text}» no es un número</translation>
    </message>
    <message>
        <source>{cell}: {value} is outside {low}–{high}</source>
        <translation>{cell}: {value} está fuera del intervalo posible ({low}–{high})</translation>
    </message>
    <message>
        <source>{cell} is a body measurement, not a movement or test: it cannot be marked painful (mark the test that hurt instead)</source>
        <translation>{cell} es una medida corporal, no un movimiento ni una prueba: no puede marcarse como dolorosa (marque la prueba que causó dolor)</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>Previous frame (Left arrow)</source>
        <translation>Cuadro anterior (flecha izquierda)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Reproducir o pausar (Espacio)</translation>
    </message>
    <message>
        <source>Next frame (Right arrow)</source>
        <translation>Cuadro siguiente (flecha derecha)</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>Posición en el video</translation>
    </message>
    <message>
        <source>Go to time (seconds)</source>
        <translation>Ir al tiempo (segundos)</translation>
    </message>
    <message>
        <source>Use this frame</source>
        <translation>Usar este cuadro</translation>
    </message>
    <message>
        <source>Measure on this frame; it is kept with the value</source>
        <translation>Medir en este cuadro; se guarda con el valor</translation>
    </message>
    <message>
        <source>Frame {n} / {total}</source>
        <translation>Cuadro {n} / {total}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Back to the video</source>
        <translation>Volver al video</translation>
    </message>
</context>
</TS>

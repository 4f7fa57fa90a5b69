# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reports_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QProgressBar,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ReportsForm(object):
    def setupUi(self, ReportsForm):
        if not ReportsForm.objectName():
            ReportsForm.setObjectName(u"ReportsForm")
        self.main_layout = QVBoxLayout(ReportsForm)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(3, 3, 3, 3)
        self.who = QGroupBox(ReportsForm)
        self.who.setObjectName(u"who")
        self.who_layout = QVBoxLayout(self.who)
        self.who_layout.setObjectName(u"who_layout")
        self.dates = QHBoxLayout()
        self.dates.setObjectName(u"dates")
        self.seen_label = QLabel(self.who)
        self.seen_label.setObjectName(u"seen_label")

        self.dates.addWidget(self.seen_label)

        self.first = QLineEdit(self.who)
        self.first.setObjectName(u"first")

        self.dates.addWidget(self.first)

        self.to_label = QLabel(self.who)
        self.to_label.setObjectName(u"to_label")

        self.dates.addWidget(self.to_label)

        self.last = QLineEdit(self.who)
        self.last.setObjectName(u"last")

        self.dates.addWidget(self.last)

        self.list_seen = QPushButton(self.who)
        self.list_seen.setObjectName(u"list_seen")
        self.list_seen.setAutoDefault(False)

        self.dates.addWidget(self.list_seen)

        self.dates_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dates.addItem(self.dates_stretch)

        self.dates.setStretch(5, 1)

        self.who_layout.addLayout(self.dates)

        self.search = QLineEdit(self.who)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.who_layout.addWidget(self.search)

        self.clients = QListWidget(self.who)
        self.clients.setObjectName(u"clients")

        self.who_layout.addWidget(self.clients)

        self.ticks = QHBoxLayout()
        self.ticks.setObjectName(u"ticks")
        self.all_button = QPushButton(self.who)
        self.all_button.setObjectName(u"all_button")
        self.all_button.setAutoDefault(False)

        self.ticks.addWidget(self.all_button)

        self.none_button = QPushButton(self.who)
        self.none_button.setObjectName(u"none_button")
        self.none_button.setAutoDefault(False)

        self.ticks.addWidget(self.none_button)

        self.ticks_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ticks.addItem(self.ticks_stretch)

        self.count = QLabel(self.who)
        self.count.setObjectName(u"count")

        self.ticks.addWidget(self.count)

        self.ticks.setStretch(2, 1)

        self.who_layout.addLayout(self.ticks)

        self.who_layout.setStretch(2, 1)

        self.main_layout.addWidget(self.who)

        self.what = QGroupBox(ReportsForm)
        self.what.setObjectName(u"what")
        self.what_layout = QHBoxLayout(self.what)
        self.what_layout.setObjectName(u"what_layout")
        self.kind_label = QLabel(self.what)
        self.kind_label.setObjectName(u"kind_label")

        self.what_layout.addWidget(self.kind_label)

        self.kind = QComboBox(self.what)
        self.kind.addItem("")
        self.kind.addItem("")
        self.kind.setObjectName(u"kind")

        self.what_layout.addWidget(self.kind)

        self.full_record = QCheckBox(self.what)
        self.full_record.setObjectName(u"full_record")

        self.what_layout.addWidget(self.full_record)

        self.what_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.what_layout.addItem(self.what_stretch)

        self.language_label = QLabel(self.what)
        self.language_label.setObjectName(u"language_label")

        self.what_layout.addWidget(self.language_label)

        self.language = QComboBox(self.what)
        self.language.setObjectName(u"language")

        self.what_layout.addWidget(self.language)

        self.what_layout.setStretch(3, 1)

        self.main_layout.addWidget(self.what)

        self.how = QGroupBox(ReportsForm)
        self.how.setObjectName(u"how")
        self.how_layout = QVBoxLayout(self.how)
        self.how_layout.setObjectName(u"how_layout")
        self.one_file = QRadioButton(self.how)
        self.one_file.setObjectName(u"one_file")
        self.one_file.setChecked(True)

        self.how_layout.addWidget(self.one_file)

        self.per_client = QRadioButton(self.how)
        self.per_client.setObjectName(u"per_client")

        self.how_layout.addWidget(self.per_client)


        self.main_layout.addWidget(self.how)

        self.progress = QProgressBar(ReportsForm)
        self.progress.setObjectName(u"progress")
        self.progress.setVisible(False)
        self.progress.setTextVisible(True)

        self.main_layout.addWidget(self.progress)

        self.status = QLabel(ReportsForm)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.status)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.button_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_stretch)

        self.preview_button = QPushButton(ReportsForm)
        self.preview_button.setObjectName(u"preview_button")
        self.preview_button.setAutoDefault(False)

        self.button_row.addWidget(self.preview_button)

        self.print_button = QPushButton(ReportsForm)
        self.print_button.setObjectName(u"print_button")
        self.print_button.setAutoDefault(False)

        self.button_row.addWidget(self.print_button)

        self.save_button = QPushButton(ReportsForm)
        self.save_button.setObjectName(u"save_button")
        self.save_button.setAutoDefault(False)

        self.button_row.addWidget(self.save_button)

        self.cancel_button = QPushButton(ReportsForm)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setVisible(False)
        self.cancel_button.setAutoDefault(False)

        self.button_row.addWidget(self.cancel_button)

        self.close_box = QDialogButtonBox(ReportsForm)
        self.close_box.setObjectName(u"close_box")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.close_box.sizePolicy().hasHeightForWidth())
        self.close_box.setSizePolicy(sizePolicy)
        self.close_box.setStandardButtons(QDialogButtonBox.Close)

        self.button_row.addWidget(self.close_box)


        self.main_layout.addLayout(self.button_row)

        self.main_layout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.seen_label.setBuddy(self.first)
        self.to_label.setBuddy(self.last)
        self.kind_label.setBuddy(self.kind)
        self.language_label.setBuddy(self.language)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.first, self.last)
        QWidget.setTabOrder(self.last, self.list_seen)
        QWidget.setTabOrder(self.list_seen, self.search)
        QWidget.setTabOrder(self.search, self.clients)
        QWidget.setTabOrder(self.clients, self.all_button)
        QWidget.setTabOrder(self.all_button, self.none_button)
        QWidget.setTabOrder(self.none_button, self.kind)
        QWidget.setTabOrder(self.kind, self.full_record)
        QWidget.setTabOrder(self.full_record, self.language)
        QWidget.setTabOrder(self.language, self.one_file)
        QWidget.setTabOrder(self.one_file, self.per_client)
        QWidget.setTabOrder(self.per_client, self.preview_button)
        QWidget.setTabOrder(self.preview_button, self.print_button)
        QWidget.setTabOrder(self.print_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.retranslateUi(ReportsForm)

        QMetaObject.connectSlotsByName(ReportsForm)
    # setupUi

    def retranslateUi(self, ReportsForm):
        self.who.setTitle(QCoreApplication.translate("ReportsForm", u"Clients", None))
        self.seen_label.setText(QCoreApplication.translate("ReportsForm", u"Seen &from", None))
#if QT_CONFIG(accessibility)
        self.first.setAccessibleName(QCoreApplication.translate("ReportsForm", u"Seen from", None))
#endif // QT_CONFIG(accessibility)
        self.to_label.setText(QCoreApplication.translate("ReportsForm", u"to", None))
#if QT_CONFIG(accessibility)
        self.last.setAccessibleName(QCoreApplication.translate("ReportsForm", u"Seen to", None))
#endif // QT_CONFIG(accessibility)
        self.list_seen.setText(QCoreApplication.translate("ReportsForm", u"&List clients seen", None))
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("ReportsForm", u"Find clients for the report", None))
#endif // QT_CONFIG(accessibility)
        self.search.setPlaceholderText(QCoreApplication.translate("ReportsForm", u"\u2026or find a client: name, chart number, birth date", None))
#if QT_CONFIG(accessibility)
        self.clients.setAccessibleName(QCoreApplication.translate("ReportsForm", u"Clients in the report (space ticks or unticks)", None))
#endif // QT_CONFIG(accessibility)
        self.all_button.setText(QCoreApplication.translate("ReportsForm", u"Tick &all", None))
        self.none_button.setText(QCoreApplication.translate("ReportsForm", u"&Untick all", None))
        self.what.setTitle(QCoreApplication.translate("ReportsForm", u"Report", None))
        self.kind_label.setText(QCoreApplication.translate("ReportsForm", u"Report &type", None))
        self.kind.setItemText(0, QCoreApplication.translate("ReportsForm", u"Progress summary (2 pages)", None))
        self.kind.setItemText(1, QCoreApplication.translate("ReportsForm", u"Referral letter (1 page)", None))

#if QT_CONFIG(accessibility)
        self.kind.setAccessibleName(QCoreApplication.translate("ReportsForm", u"Report type", None))
#endif // QT_CONFIG(accessibility)
        self.full_record.setText(QCoreApplication.translate("ReportsForm", u"Full &record", None))
#if QT_CONFIG(tooltip)
        self.full_record.setToolTip(QCoreApplication.translate("ReportsForm", u"Instead of the two-page summary: every value of every visit in tables, and every chart", None))
#endif // QT_CONFIG(tooltip)
        self.language_label.setText(QCoreApplication.translate("ReportsForm", u"Lan&guage", None))
#if QT_CONFIG(accessibility)
        self.language.setAccessibleName(QCoreApplication.translate("ReportsForm", u"Report language", None))
#endif // QT_CONFIG(accessibility)
        self.how.setTitle(QCoreApplication.translate("ReportsForm", u"Saving", None))
        self.one_file.setText(QCoreApplication.translate("ReportsForm", u"&One PDF with every report", None))
        self.per_client.setText(QCoreApplication.translate("ReportsForm", u"One PDF per client, into a fol&der", None))
#if QT_CONFIG(accessibility)
        self.progress.setAccessibleName(QCoreApplication.translate("ReportsForm", u"Report progress", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("ReportsForm", u"Report status", None))
#endif // QT_CONFIG(accessibility)
        self.preview_button.setText(QCoreApplication.translate("ReportsForm", u"Pre&view", None))
        self.print_button.setText(QCoreApplication.translate("ReportsForm", u"&Print\u2026", None))
        self.save_button.setText(QCoreApplication.translate("ReportsForm", u"&Save PDF\u2026", None))
        self.cancel_button.setText(QCoreApplication.translate("ReportsForm", u"Cancel", None))
        pass
    # retranslateUi


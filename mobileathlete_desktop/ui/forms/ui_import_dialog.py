# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_ImportForm(object):
    def setupUi(self, ImportForm):
        if not ImportForm.objectName():
            ImportForm.setObjectName(u"ImportForm")
        self.main_layout = QVBoxLayout(ImportForm)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(3, 3, 3, 3)
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.kind_label = QLabel(ImportForm)
        self.kind_label.setObjectName(u"kind_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(ImportForm)
        self.kind.addItem("")
        self.kind.addItem("")
        self.kind.setObjectName(u"kind")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.path_label = QLabel(ImportForm)
        self.path_label.setObjectName(u"path_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.path_label)

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.path = QLineEdit(ImportForm)
        self.path.setObjectName(u"path")

        self.file_row.addWidget(self.path)

        self.choose_button = QPushButton(ImportForm)
        self.choose_button.setObjectName(u"choose_button")

        self.file_row.addWidget(self.choose_button)

        self.file_row.setStretch(0, 1)

        self.fields.setLayout(1, QFormLayout.ItemRole.FieldRole, self.file_row)

        self.encoding_label = QLabel(ImportForm)
        self.encoding_label.setObjectName(u"encoding_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.encoding_label)

        self.encoding = QComboBox(ImportForm)
        self.encoding.addItem("")
        self.encoding.addItem("")
        self.encoding.setObjectName(u"encoding")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.encoding)

        self.update_existing = QCheckBox(ImportForm)
        self.update_existing.setObjectName(u"update_existing")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.update_existing)

        self.create_clients = QCheckBox(ImportForm)
        self.create_clients.setObjectName(u"create_clients")

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.create_clients)


        self.main_layout.addLayout(self.fields)

        self.table = QTableView(ImportForm)
        self.table.setObjectName(u"table")
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setTextElideMode(Qt.ElideNone)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.table)

        self.status = QLabel(ImportForm)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.main_layout.addWidget(self.status)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.button_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_stretch)

        self.preview_button = QPushButton(ImportForm)
        self.preview_button.setObjectName(u"preview_button")

        self.button_row.addWidget(self.preview_button)

        self.import_button = QPushButton(ImportForm)
        self.import_button.setObjectName(u"import_button")
        self.import_button.setEnabled(False)

        self.button_row.addWidget(self.import_button)

        self.close_box = QDialogButtonBox(ImportForm)
        self.close_box.setObjectName(u"close_box")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.close_box.sizePolicy().hasHeightForWidth())
        self.close_box.setSizePolicy(sizePolicy)
        self.close_box.setStandardButtons(QDialogButtonBox.Close)

        self.button_row.addWidget(self.close_box)


        self.main_layout.addLayout(self.button_row)

        self.main_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind)
        self.path_label.setBuddy(self.path)
        self.encoding_label.setBuddy(self.encoding)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.path)
        QWidget.setTabOrder(self.path, self.choose_button)
        QWidget.setTabOrder(self.choose_button, self.encoding)
        QWidget.setTabOrder(self.encoding, self.update_existing)
        QWidget.setTabOrder(self.update_existing, self.create_clients)
        QWidget.setTabOrder(self.create_clients, self.table)
        QWidget.setTabOrder(self.table, self.preview_button)
        QWidget.setTabOrder(self.preview_button, self.import_button)

        self.retranslateUi(ImportForm)

        QMetaObject.connectSlotsByName(ImportForm)
    # setupUi

    def retranslateUi(self, ImportForm):
        self.kind_label.setText(QCoreApplication.translate("ImportForm", u"I&mport", None))
        self.kind.setItemText(0, QCoreApplication.translate("ImportForm", u"Clients", None))
        self.kind.setItemText(1, QCoreApplication.translate("ImportForm", u"Measurements (long format)", None))

#if QT_CONFIG(accessibility)
        self.kind.setAccessibleName(QCoreApplication.translate("ImportForm", u"What to import", None))
#endif // QT_CONFIG(accessibility)
        self.path_label.setText(QCoreApplication.translate("ImportForm", u"&File", None))
#if QT_CONFIG(accessibility)
        self.path.setAccessibleName(QCoreApplication.translate("ImportForm", u"CSV file", None))
#endif // QT_CONFIG(accessibility)
        self.path.setPlaceholderText(QCoreApplication.translate("ImportForm", u"A .csv file", None))
        self.choose_button.setText(QCoreApplication.translate("ImportForm", u"C&hoose\u2026", None))
        self.encoding_label.setText(QCoreApplication.translate("ImportForm", u"Text &encoding", None))
        self.encoding.setItemText(0, QCoreApplication.translate("ImportForm", u"UTF-8 (recommended)", None))
        self.encoding.setItemText(1, QCoreApplication.translate("ImportForm", u"Latin-1 / Windows", None))

#if QT_CONFIG(accessibility)
        self.encoding.setAccessibleName(QCoreApplication.translate("ImportForm", u"Text encoding", None))
#endif // QT_CONFIG(accessibility)
        self.update_existing.setText(QCoreApplication.translate("ImportForm", u"&Update clients already in the clinic", None))
        self.create_clients.setText(QCoreApplication.translate("ImportForm", u"&Create clients for unknown chart numbers", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("ImportForm", u"Preview", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("ImportForm", u"Import status", None))
#endif // QT_CONFIG(accessibility)
        self.status.setText(QCoreApplication.translate("ImportForm", u"Choose a file, then Preview to see what would change.", None))
        self.preview_button.setText(QCoreApplication.translate("ImportForm", u"&Preview", None))
        self.import_button.setText(QCoreApplication.translate("ImportForm", u"&Import", None))
        pass
    # retranslateUi


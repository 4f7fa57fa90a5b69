# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assessment_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QVBoxLayout, QWidget)

class Ui_AssessmentEditorForm(object):
    def setupUi(self, AssessmentEditorForm):
        if not AssessmentEditorForm.objectName():
            AssessmentEditorForm.setObjectName(u"AssessmentEditorForm")
        self.main_layout = QVBoxLayout(AssessmentEditorForm)
        self.main_layout.setObjectName(u"main_layout")
        self.header = QHBoxLayout()
        self.header.setObjectName(u"header")
        self.title = QLabel(AssessmentEditorForm)
        self.title.setObjectName(u"title")
        self.title.setWordWrap(True)

        self.header.addWidget(self.title)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header.addItem(self.header_spacer)

        self.template_label = QLabel(AssessmentEditorForm)
        self.template_label.setObjectName(u"template_label")

        self.header.addWidget(self.template_label)

        self.template = QComboBox(AssessmentEditorForm)
        self.template.setObjectName(u"template")

        self.header.addWidget(self.template)

        self.show_last = QCheckBox(AssessmentEditorForm)
        self.show_last.setObjectName(u"show_last")

        self.header.addWidget(self.show_last)

        self.sign = QPushButton(AssessmentEditorForm)
        self.sign.setObjectName(u"sign")

        self.header.addWidget(self.sign)

        self.addendum = QPushButton(AssessmentEditorForm)
        self.addendum.setObjectName(u"addendum")

        self.header.addWidget(self.addendum)


        self.main_layout.addLayout(self.header)

        self.banner = QLabel(AssessmentEditorForm)
        self.banner.setObjectName(u"banner")
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.tabs = QTabWidget(AssessmentEditorForm)
        self.tabs.setObjectName(u"tabs")
        self.rom_tab = QWidget()
        self.rom_tab.setObjectName(u"rom_tab")
        self.rom_tab_layout = QVBoxLayout(self.rom_tab)
        self.rom_tab_layout.setObjectName(u"rom_tab_layout")
        self.tabs.addTab(self.rom_tab, "")
        self.balance_tab = QWidget()
        self.balance_tab.setObjectName(u"balance_tab")
        self.balance_tab_layout = QVBoxLayout(self.balance_tab)
        self.balance_tab_layout.setObjectName(u"balance_tab_layout")
        self.tabs.addTab(self.balance_tab, "")
        self.motor_tab = QWidget()
        self.motor_tab.setObjectName(u"motor_tab")
        self.motor_tab_layout = QVBoxLayout(self.motor_tab)
        self.motor_tab_layout.setObjectName(u"motor_tab_layout")
        self.tabs.addTab(self.motor_tab, "")
        self.fms_tab = QWidget()
        self.fms_tab.setObjectName(u"fms_tab")
        self.fms_tab_layout = QVBoxLayout(self.fms_tab)
        self.fms_tab_layout.setObjectName(u"fms_tab_layout")
        self.tabs.addTab(self.fms_tab, "")
        self.outcomes_tab = QWidget()
        self.outcomes_tab.setObjectName(u"outcomes_tab")
        self.outcomes_tab_layout = QVBoxLayout(self.outcomes_tab)
        self.outcomes_tab_layout.setObjectName(u"outcomes_tab_layout")
        self.tabs.addTab(self.outcomes_tab, "")

        self.main_layout.addWidget(self.tabs)

        self.hint = QLabel(AssessmentEditorForm)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.main_layout.addWidget(self.hint)

        self.status = QLabel(AssessmentEditorForm)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.main_layout.addWidget(self.status)

#if QT_CONFIG(shortcut)
        self.template_label.setBuddy(self.template)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssessmentEditorForm)

        QMetaObject.connectSlotsByName(AssessmentEditorForm)
    # setupUi

    def retranslateUi(self, AssessmentEditorForm):
#if QT_CONFIG(accessibility)
        self.title.setAccessibleName(QCoreApplication.translate("AssessmentEditorForm", u"Assessment", None))
#endif // QT_CONFIG(accessibility)
        self.template_label.setText(QCoreApplication.translate("AssessmentEditorForm", u"&Template:", None))
#if QT_CONFIG(accessibility)
        self.template.setAccessibleName(QCoreApplication.translate("AssessmentEditorForm", u"Template", None))
#endif // QT_CONFIG(accessibility)
        self.show_last.setText(QCoreApplication.translate("AssessmentEditorForm", u"Show &last visit", None))
#if QT_CONFIG(accessibility)
        self.show_last.setAccessibleName(QCoreApplication.translate("AssessmentEditorForm", u"Show last visit", None))
#endif // QT_CONFIG(accessibility)
        self.sign.setText(QCoreApplication.translate("AssessmentEditorForm", u"Si&gn\u2026", None))
#if QT_CONFIG(accessibility)
        self.sign.setAccessibleName(QCoreApplication.translate("AssessmentEditorForm", u"Sign assessment", None))
#endif // QT_CONFIG(accessibility)
        self.addendum.setText(QCoreApplication.translate("AssessmentEditorForm", u"A&ddendum\u2026", None))
#if QT_CONFIG(accessibility)
        self.addendum.setAccessibleName(QCoreApplication.translate("AssessmentEditorForm", u"Add an addendum", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.banner.setAccessibleName(QCoreApplication.translate("AssessmentEditorForm", u"Assessment status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(QCoreApplication.translate("AssessmentEditorForm", u"Assessment sections", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.rom_tab), QCoreApplication.translate("AssessmentEditorForm", u"&Range of motion", None))
        self.tabs.setTabText(self.tabs.indexOf(self.balance_tab), QCoreApplication.translate("AssessmentEditorForm", u"Lunge && &balance", None))
        self.tabs.setTabText(self.tabs.indexOf(self.motor_tab), QCoreApplication.translate("AssessmentEditorForm", u"&Motor control", None))
        self.tabs.setTabText(self.tabs.indexOf(self.fms_tab), QCoreApplication.translate("AssessmentEditorForm", u"Movement &screen", None))
        self.tabs.setTabText(self.tabs.indexOf(self.outcomes_tab), QCoreApplication.translate("AssessmentEditorForm", u"&Outcomes && notes", None))
#if QT_CONFIG(accessibility)
        self.hint.setAccessibleName(QCoreApplication.translate("AssessmentEditorForm", u"Keyboard hint", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("AssessmentEditorForm", u"Status", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

